/** The frame of the signed-out pages (sign-in, setup): brand, language, one centred card. */
import { Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · Cartback`);
  return (
    <Box mih="100dvh" style={{ background: 'linear-gradient(180deg, var(--mantine-color-jade-0) 0%, var(--mantine-color-gray-0) 55%)' }}>
      <Box component="header" px="lg" py="md">
        <Group justify="space-between">
          <Brand to="/sign-in" />
          <LanguageMenu />
        </Group>
      </Box>
      <Center component="main" px="md" py={48}>
        <Container size={440} w="100%" p={0}>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 36 }} bg="white">
            <Stack gap={6} mb="xl">
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && <Text c="dimmed">{subtitle}</Text>}
            </Stack>
            {children}
          </Paper>
          <Text ta="center" size="xs" c="dimmed" mt="lg">
            {t('app.name')} · {t('app.tagline')}
          </Text>
        </Container>
      </Center>
    </Box>
  );
}

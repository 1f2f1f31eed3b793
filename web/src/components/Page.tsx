/**
 * The frame of every page inside the shell: the browser tab's title, one h1, an optional line of
 * description, actions on the right, then the content. Pages own what goes below the header.
 */
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface PageProps {
  title: string;
  description?: string;
  /** buttons on the right of the title (primary action last) */
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, description, actions, children }: PageProps) {
  useDocumentTitle(`${title} · Cartback`);
  return (
    <Stack gap="xl" maw={1240} mx="auto" w="100%">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Box>
          <Title order={1}>{title}</Title>
          {description && (
            <Text c="dimmed" mt={4}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

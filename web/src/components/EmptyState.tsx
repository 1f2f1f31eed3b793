/** Nothing to show yet, and what to do about it. */
import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function EmptyState({ icon: IconC, title, children, action }: { icon: TablerIcon; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p={48} bg="white">
      <Stack align="center" gap="sm" ta="center" maw={480} mx="auto">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconC size={28} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}

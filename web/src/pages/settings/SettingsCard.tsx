/**
 * One card of a settings section: an h2, an optional status badge beside it, a line of help, an
 * optional action on the right, then the fields. The title block may shrink and wrap, so a long
 * description never pushes the badge or the action onto a line of their own.
 */
import { Box, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SettingsCardProps {
  id: string;
  title: string;
  description?: string;
  /** a short state shown beside the title ("Secret set") */
  badge?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}

export function SettingsCard({ id, title, description, badge, action, children }: SettingsCardProps) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={2} id={id}>
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            <Text size="sm" c="dimmed" mt={4}>
              {description}
            </Text>
          )}
        </Box>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** One titled section of the account page: a card with an h2, a line of help, and an action. */
import { Box, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SectionCard({ title, description, action, children, id }: { title: string; description?: string; action?: ReactNode; children: ReactNode; id: string }) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
        <Box>
          <Title order={2} id={id}>
            {title}
          </Title>
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

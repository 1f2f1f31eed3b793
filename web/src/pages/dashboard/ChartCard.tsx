/**
 * A titled card around one chart. The chart itself is a picture to a screen reader (role img),
 * named by a sentence with the totals it shows, since the bars themselves cannot be read out.
 */
import { Box, Card, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function ChartCard({ title, description, summary, children }: { title: string; description?: string; summary: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Box role="img" aria-label={summary} mt="md">
        {children}
      </Box>
    </Card>
  );
}

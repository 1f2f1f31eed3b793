/**
 * One headline figure: what it is, the number, and a line that says what it is made of. A
 * labelled region, so a screen reader (and a test) finds the figure by its name.
 */
import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

export interface KpiCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: TablerIcon;
  color?: string;
}

export function KpiCard({ label, value, hint, icon: IconC, color = 'jade' }: KpiCardProps) {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text id={id} size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} size="md" radius="md">
          <IconC size={16} stroke={1.8} aria-hidden />
        </ThemeIcon>
      </Group>
      <Text fz={26} fw={700} lh={1.2} mt={6} c="dark.8" data-testid="kpi-value" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={6}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

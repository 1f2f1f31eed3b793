/**
 * A step's numbers for the chosen period, in full: what the canvas shortens to three figures.
 * Waiting is "now"; the rest counts what happened in the period, across all versions (a step
 * keeps its id from one version to the next).
 */
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../api/flows.ts';
import { formatMoney, formatNumber } from '../../../../format.ts';
import { useBuilderInfo } from '../BuilderContext.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

export function StepStats({ step }: { step: FlowNode }) {
  const { t } = useTranslation();
  const { counts, days, currency } = useBuilderInfo();
  if (!counts || step.type === 'wait' || step.type === 'exit') return null;
  const c = counts.nodes[step.id];
  const n = (v: number | undefined) => formatNumber(v ?? 0);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('flow.panel.stats', { count: days })}
      </Text>
      <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
        {step.type === 'trigger' && <Figure label={t('flow.stats.entered')} value={n(counts.entered)} />}
        {step.type === 'trigger' && <Figure label={t('flow.stats.active')} value={n(counts.outcomes.active)} />}
        {step.type !== 'trigger' && <Figure label={t('flow.stats.waiting')} value={n(c?.waiting)} />}
        {step.type === 'send_email' && (
          <>
            <Figure label={t('flow.stats.sent')} value={n(c?.sent)} />
            <Figure label={t('flow.stats.skipped')} value={n(c?.skipped)} />
            <Figure label={t('flow.stats.opened')} value={n(c?.opened)} />
            <Figure label={t('flow.stats.clicked')} value={n(c?.clicked)} />
            <Figure label={t('flow.stats.recovered')} value={n(c?.recoveredOrders)} />
            <Figure label={t('flow.stats.revenue')} value={formatMoney(c?.recoveredRevenue ?? 0, currency)} />
          </>
        )}
      </SimpleGrid>
    </Stack>
  );
}

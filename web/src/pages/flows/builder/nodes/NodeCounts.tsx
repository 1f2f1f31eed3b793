/**
 * A step's live numbers under its description. Runs wait AT the step they will execute next (a
 * wait moves the run on with a due time), so "waiting" on a send step means "about to get it".
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../api/flows.ts';
import { formatNumber } from '../../../../format.ts';
import { useBuilderInfo } from '../BuilderContext.ts';

export function NodeCounts({ step }: { step: FlowNode }) {
  const { t } = useTranslation();
  const { counts, readOnly } = useBuilderInfo();
  if (!counts || readOnly) return null;
  const c = counts.nodes[step.id];
  const items: string[] = [];
  if (step.type === 'trigger') items.push(t('flow.counts.entered', { count: counts.entered, n: formatNumber(counts.entered) }));
  // Shoppers wait before a send step (the wait before it moved them there); elsewhere only if any.
  if (step.type === 'send_email' || (c?.waiting ?? 0) > 0) items.push(t('flow.counts.waiting', { count: c?.waiting ?? 0, n: formatNumber(c?.waiting ?? 0) }));
  if (step.type === 'send_email') {
    items.push(t('flow.counts.sent', { count: c?.sent ?? 0, n: formatNumber(c?.sent ?? 0) }));
    items.push(t('flow.counts.recovered', { count: c?.recoveredOrders ?? 0, n: formatNumber(c?.recoveredOrders ?? 0) }));
  }
  if (items.length === 0) return null;
  return (
    <Group gap={4} className="flow-node-counts" data-testid={`counts-${step.id}`}>
      {items.map((text) => (
        <Text key={text} span size="xs" c="dimmed" className="flow-node-count">
          {text}
        </Text>
      ))}
    </Group>
  );
}

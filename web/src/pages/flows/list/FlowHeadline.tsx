/**
 * A flow's headline numbers in the list, from its per-step counts: shoppers who entered in the last
 * 30 days, those in it now, emails sent and carts recovered (with their revenue).
 */
import { Loader, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFlowCounts } from '../../../api/flows.ts';
import { formatMoney, formatNumber } from '../../../format.ts';

export function FlowHeadline({ storeId, flowId, currency }: { storeId: string; flowId: string; currency: string }) {
  const { t } = useTranslation();
  const counts = useFlowCounts(storeId, flowId, 30);
  if (counts.isPending) {
    return (
      <Table.Td colSpan={4}>
        <Loader size="xs" aria-label={t('common.loading')} />
      </Table.Td>
    );
  }
  if (counts.isError) {
    return (
      <Table.Td colSpan={4}>
        <Text size="sm" c="dimmed">{t('flows.countsFailed')}</Text>
      </Table.Td>
    );
  }
  const steps = Object.values(counts.data.nodes);
  const sum = (k: 'waiting' | 'sent' | 'recoveredOrders' | 'recoveredRevenue') => steps.reduce((s, c) => s + c[k], 0);
  const revenue = sum('recoveredRevenue');
  return (
    <>
      <Table.Td ta="right">{formatNumber(counts.data.entered)}</Table.Td>
      <Table.Td ta="right">{formatNumber(counts.data.outcomes.active ?? 0)}</Table.Td>
      <Table.Td ta="right">{formatNumber(sum('sent'))}</Table.Td>
      <Table.Td ta="right">
        <Tooltip label={t('flows.revenue', { amount: formatMoney(revenue, currency) })} disabled={revenue === 0} withArrow>
          <span>{formatNumber(sum('recoveredOrders'))}</span>
        </Tooltip>
      </Table.Td>
    </>
  );
}

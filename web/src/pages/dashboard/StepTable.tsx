/**
 * Per step of each flow (and per A/B variant, when a step has variants): sends, skips, open and
 * click rates, the orders credited to the step and its share of the flow's recovered revenue,
 * which shows which message of a sequence does the work.
 */
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStepLabels, type FlowStats } from '../../api/reports.ts';
import { formatMoney, formatNumber, formatPercent } from '../../format.ts';

const pct = (r: number | null) => (r === null ? '—' : formatPercent(r));
const num = { style: { fontVariantNumeric: 'tabular-nums' }, ta: 'right' } as const;

export function StepTable({ flows, currency, storeId }: { flows: FlowStats[]; currency: string; storeId: string }) {
  const { t } = useTranslation();
  const withSteps = flows.filter((f) => f.steps.length > 0);
  const labels = useStepLabels(storeId, withSteps.map((f) => f.flowId));
  const variants = withSteps.some((f) => f.steps.some((s) => s.variant !== null));
  if (withSteps.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="steps-title">
      <Title order={2} id="steps-title" mb={4}>
        {t('dashboard.steps.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dashboard.steps.description')}
      </Text>
      <Table.ScrollContainer minWidth={variants ? 940 : 860}>
        <Table aria-labelledby="steps-title" data-testid="step-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.steps.step')}</Table.Th>
              {variants && <Table.Th>{t('dashboard.steps.variant')}</Table.Th>}
              <Table.Th {...num}>{t('dashboard.steps.sent')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.steps.skipped')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.table.openRate')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.table.clickRate')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.table.orders')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.table.revenue')}</Table.Th>
              <Table.Th {...num}>{t('dashboard.steps.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {withSteps.map((f) => (
            <Table.Tbody key={f.flowId}>
              <Table.Tr bg="gray.0">
                <Table.Th colSpan={variants ? 9 : 8} scope="colgroup" fw={600}>
                  {f.name}
                </Table.Th>
              </Table.Tr>
              {f.steps.map((s) => (
                <Table.Tr key={`${s.nodeId}|${s.variant ?? ''}`}>
                  <Table.Th scope="row" fw={500}>
                    {labels.get(`${f.flowId}|${s.nodeId}`) ?? s.nodeId}
                    <Text span size="xs" c="dimmed" ff="monospace" display="block">
                      {s.nodeId}
                    </Text>
                  </Table.Th>
                  {variants && <Table.Td>{s.variant ? <Badge variant="light" color="grape">{s.variant}</Badge> : '—'}</Table.Td>}
                  <Table.Td {...num}>{formatNumber(s.sent)}</Table.Td>
                  <Table.Td {...num}>{formatNumber(s.skipped)}</Table.Td>
                  <Table.Td {...num}>{pct(s.openRate)}</Table.Td>
                  <Table.Td {...num}>{pct(s.clickRate)}</Table.Td>
                  <Table.Td {...num}>{formatNumber(s.recoveredOrders)}</Table.Td>
                  <Table.Td {...num}>{formatMoney(s.recoveredRevenue, currency)}</Table.Td>
                  <Table.Td {...num}>{pct(s.revenueShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

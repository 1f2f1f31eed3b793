/**
 * Per flow: who entered, what was sent, opened and clicked, what came back, and the flow's own
 * lift over its holdout. Flows without any activity in the period are left out (and counted).
 */
import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowStats } from '../../api/reports.ts';
import { formatMoney, formatNumber, formatPercent } from '../../format.ts';
import { formatPoints } from './lift.ts';

const pct = (r: number | null) => (r === null ? '—' : formatPercent(r));
const num = { style: { fontVariantNumeric: 'tabular-nums' }, ta: 'right' } as const;

export function FlowTable({ flows, currency, storeId }: { flows: FlowStats[]; currency: string; storeId: string }) {
  const { t } = useTranslation();
  const active = flows.filter((f) => f.entered > 0 || f.messagesSent > 0);
  const idle = flows.length - active.length;
  return (
    <Card component="section" aria-labelledby="flows-title">
      <Title order={2} id="flows-title" mb="md">
        {t('dashboard.flows.title')}
      </Title>
      {active.length === 0 ? (
        <Text size="sm" c="dimmed">{t('dashboard.flows.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-labelledby="flows-title" data-testid="flow-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.flows.flow')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.flows.entered')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.flows.sent')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.table.openRate')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.table.clickRate')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.table.orders')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.table.revenue')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.flows.recoveryRate')}</Table.Th>
                <Table.Th {...num}>{t('dashboard.flows.lift')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((f) => (
                <Table.Tr key={f.flowId}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/stores/${storeId}/flows/${f.flowId}`} size="sm">
                      {f.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td {...num}>
                    {formatNumber(f.entered)}
                    <Text span size="xs" c="dimmed" display="block">
                      {t('dashboard.flows.holdoutCount', { n: formatNumber(f.holdout.entered) })}
                    </Text>
                  </Table.Td>
                  <Table.Td {...num}>{formatNumber(f.messagesSent)}</Table.Td>
                  <Table.Td {...num}>{pct(f.messagesSent ? f.opened / f.messagesSent : null)}</Table.Td>
                  <Table.Td {...num}>{pct(f.messagesSent ? f.clicked / f.messagesSent : null)}</Table.Td>
                  <Table.Td {...num}>{formatNumber(f.recoveredOrders)}</Table.Td>
                  <Table.Td {...num}>{formatMoney(f.recoveredRevenue, currency)}</Table.Td>
                  <Table.Td {...num}>{pct(f.recoveryRate)}</Table.Td>
                  <Table.Td {...num}>{f.lift ? t('dashboard.flows.points', { points: formatPoints(f.lift.absolute) }) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {idle > 0 && active.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('dashboard.flows.idle', { n: idle })}
        </Text>
      )}
    </Card>
  );
}

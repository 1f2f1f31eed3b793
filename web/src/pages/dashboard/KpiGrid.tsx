/**
 * The headline figures of the period. Recovery rate is per shopper who got the sequence (holdout
 * excluded); ROI needs a cost per message, so without one the card points to Settings instead of
 * inventing a number.
 */
import { Anchor, SimpleGrid } from '@mantine/core';
import { IconCash, IconMailForward, IconReceipt2, IconShoppingCartX, IconTrendingUp, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/reports.ts';
import { formatMoney, formatNumber, formatPercent } from '../../format.ts';
import { KpiCard } from './KpiCard.tsx';

const pct = (r: number | null) => (r === null ? '—' : formatPercent(r));

export function KpiGrid({ data, storeId }: { data: Dashboard; storeId: string }) {
  const { t } = useTranslation();
  const k = data.kpis;
  const money = (minor: number) => formatMoney(Math.round(minor), data.currency);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
      <KpiCard label={t('dashboard.kpi.abandoned')} icon={IconShoppingCartX} color="orange" value={formatNumber(k.abandonedCarts)} hint={t('dashboard.kpi.abandonedHint', { value: money(data.funnel.abandonedValue) })} />
      <KpiCard label={t('dashboard.kpi.reachable')} icon={IconUserCheck} color="blue" value={pct(k.reachableShare)} hint={t('dashboard.kpi.reachableHint', { n: formatNumber(k.reachableCarts) })} />
      <KpiCard label={t('dashboard.kpi.recoveryRate')} icon={IconTrendingUp} value={pct(k.recoveryRate)} hint={t('dashboard.kpi.recoveryRateHint', { n: formatNumber(k.recoveredOrders) })} />
      <KpiCard label={t('dashboard.kpi.revenue')} icon={IconCash} value={money(k.recoveredRevenue)} hint={t('dashboard.kpi.revenueHint', { n: formatNumber(k.recoveredOrders) })} />
      <KpiCard
        label={t('dashboard.kpi.perMessage')}
        icon={IconMailForward}
        color="grape"
        value={k.revenuePerMessage === null ? '—' : money(k.revenuePerMessage)}
        hint={t('dashboard.kpi.perMessageHint', { n: formatNumber(k.messagesSent), open: pct(k.openRate), click: pct(k.clickRate) })}
      />
      <KpiCard
        label={t('dashboard.kpi.roi')}
        icon={IconReceipt2}
        color="teal"
        value={k.cost === null ? '—' : k.roi === null ? '—' : formatPercent(k.roi, 0)}
        hint={
          k.cost === null ? (
            <>
              {t('dashboard.kpi.roiMissing')}{' '}
              <Anchor component={Link} to={`/stores/${storeId}/settings`} size="xs">
                {t('dashboard.kpi.roiSettings')}
              </Anchor>
            </>
          ) : (
            t('dashboard.kpi.roiHint', { cost: money(k.cost) })
          )
        }
      />
    </SimpleGrid>
  );
}

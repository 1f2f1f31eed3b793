/**
 * The period day by day, in the store's time zone: abandoned carts against recovered orders, and
 * the recovered revenue. Money on the axis is compact ($1.2K), in the tooltip exact.
 */
import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { ChartCard } from './ChartCard.tsx';
import { dayLabel } from './dayLabel.ts';

export function DailyCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = data.series.map((d) => ({ day: dayLabel(d.date), abandoned: d.abandoned, recovered: d.recoveredOrders, revenue: d.recoveredRevenue }));
  const first = data.series[0]?.date;
  const last = data.series.at(-1)?.date;
  const span = first && last ? { first: dayLabel(first, { withYear: true }), last: dayLabel(last, { withYear: true }) } : { first: '', last: '' };
  const sum = (k: 'abandoned' | 'recovered' | 'revenue') => rows.reduce((a, r) => a + r[k], 0);
  const money = (v: number) => formatMoney(v, data.currency);
  const abandonedLabel = t('dashboard.charts.abandoned');
  const recoveredLabel = t('dashboard.charts.recovered');

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        title={t('dashboard.charts.cartsTitle')}
        description={t('dashboard.charts.zone', { zone: data.timezone })}
        summary={t('dashboard.charts.cartsSummary', { ...span, abandoned: formatNumber(sum('abandoned')), recovered: formatNumber(sum('recovered')) })}
      >
        <AreaChart
          h={240}
          data={rows}
          dataKey="day"
          series={[
            { name: 'abandoned', label: abandonedLabel, color: 'orange.5' },
            { name: 'recovered', label: recoveredLabel, color: 'jade.6' },
          ]}
          curveType="monotone"
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40 }}
          valueFormatter={(v) => formatNumber(v)}
          tickLine="none"
          gridAxis="y"
          withDots={false}
          fillOpacity={0.25}
        />
      </ChartCard>
      <ChartCard
        title={t('dashboard.charts.revenueTitle')}
        description={t('dashboard.charts.zone', { zone: data.timezone })}
        summary={t('dashboard.charts.revenueSummary', { ...span, revenue: money(sum('revenue')) })}
      >
        <BarChart
          h={240}
          data={rows}
          dataKey="day"
          series={[{ name: 'revenue', label: t('dashboard.charts.revenue'), color: 'jade.6' }]}
          valueFormatter={money}
          yAxisProps={{ tickFormatter: (v: number) => formatMoney(v, data.currency, { compact: true }), width: 64 }}
          tickLine="none"
          gridAxis="y"
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40 }}
        />
      </ChartCard>
    </SimpleGrid>
  );
}

/**
 * The store at a glance for a period (GET /api/stores/:id/dashboard): headline figures, the lift
 * over the holdout, the funnel, the days, per-flow and per-step tables, and the revenue estimate.
 * Demo data, when the store has any, is announced above everything else.
 */
import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDashboard, type Dashboard } from '../../api/reports.ts';
import { useCurrentStore, useStoreId } from '../../app/currentStore.ts';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { DailyCharts } from './DailyCharts.tsx';
import { DashboardEmpty } from './DashboardEmpty.tsx';
import { dayLabel } from './dayLabel.ts';
import { DemoDataBanner } from './DemoDataBanner.tsx';
import { PostalAddressBanner } from './PostalAddressBanner.tsx';
import { EstimatorCard } from './EstimatorCard.tsx';
import { FlowTable } from './FlowTable.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { KpiGrid } from './KpiGrid.tsx';
import { LiftCard } from './LiftCard.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { StepTable } from './StepTable.tsx';
import { usePeriod } from './usePeriod.ts';
import { dayIn } from './zonedDays.ts';

const isEmpty = (d: Dashboard) => d.funnel.abandoned === 0 && d.kpis.messagesSent === 0 && d.kpis.recoveredOrders === 0;

export function DashboardPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const tz = useCurrentStore()?.settings.timezone ?? 'UTC';
  const period = usePeriod(tz);
  const dash = useDashboard(storeId, { from: period.from, to: period.to });
  const data = dash.data;

  return (
    <Page title={t('dashboard.title')} description={t('dashboard.description')} actions={<PeriodPicker period={period} today={dayIn(tz)} />}>
      <DemoDataBanner storeId={storeId} />
      <PostalAddressBanner storeId={storeId} />
      <Text size="sm" c="dimmed" mt={-12} data-testid="period">
        {t('dashboard.period.showing', { first: dayLabel(period.first, { withYear: true }), last: dayLabel(period.last, { withYear: true }), zone: tz })}
      </Text>
      {dash.isPending && <PageLoader />}
      {dash.isError && !data && <QueryError error={dash.error} onRetry={() => void dash.refetch()} />}
      {data && isEmpty(data) && <DashboardEmpty storeId={storeId} onLonger={period.preset === 90 ? undefined : () => period.setPreset(90)} />}
      {data && !isEmpty(data) && (
        // While another period loads, the last one stays visible, dimmed and marked busy.
        <Box aria-busy={dash.isPlaceholderData} style={{ opacity: dash.isPlaceholderData ? 0.55 : 1, transition: 'opacity 150ms' }}>
          <Stack gap="lg">
            <KpiGrid data={data} storeId={storeId} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <LiftCard data={data} />
              <FunnelCard funnel={data.funnel} />
            </SimpleGrid>
            <DailyCharts data={data} />
            <EstimatorCard key={`${data.from}|${data.to}`} data={data} />
            <FlowTable flows={data.flows} currency={data.currency} storeId={storeId} />
            <StepTable flows={data.flows} currency={data.currency} storeId={storeId} />
          </Stack>
        </Box>
      )}
    </Page>
  );
}

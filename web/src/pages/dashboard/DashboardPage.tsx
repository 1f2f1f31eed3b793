/** The store at a glance: recovered revenue, sends, holdout lift (GET /api/stores/:id/stats). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('dashboard.title')} description={t('dashboard.description')}>
      <ComingSoon />
    </Page>
  );
}

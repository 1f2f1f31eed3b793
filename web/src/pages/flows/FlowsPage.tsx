/** The store's flows and their status (GET /api/stores/:id/flows). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function FlowsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('flows.title')} description={t('flows.description')}>
      <ComingSoon />
    </Page>
  );
}

/** The flow builder for one flow (React Flow canvas; GET/PUT /api/stores/:id/flows/:flowId). Placeholder until built. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function FlowPage() {
  const { t } = useTranslation();
  const { flowId } = useParams();
  return (
    <Page title={t('flow.title')} description={flowId}>
      <ComingSoon />
    </Page>
  );
}

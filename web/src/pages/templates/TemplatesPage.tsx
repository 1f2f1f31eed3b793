/** Every template key with its locales: built-in or the store's own version, the flows that send it, and a way into the editor. */
import { IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTemplates, useTemplateUsage } from '../../api/templates.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TemplatesTable } from './TemplatesTable.tsx';

export function TemplatesPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const templates = useTemplates(storeId);
  // Which flows use a key is a nice-to-have: the table shows without it while it loads or if it fails.
  const usage = useTemplateUsage(storeId);
  return (
    <Page title={t('templates.title')} description={t('templates.description')}>
      {templates.isPending && <PageLoader />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data?.length === 0 && <EmptyState icon={IconMailOff} title={t('templates.empty')} />}
      {!!templates.data?.length && <TemplatesTable storeId={storeId} entries={templates.data} usage={usage.data} />}
    </Page>
  );
}

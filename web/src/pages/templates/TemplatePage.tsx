/**
 * One template in one locale (/stores/:storeId/templates/:key/:locale): loads the source in use
 * (the store's newest version, else the built-in) and hands it to the editor. The editor is keyed
 * by template and locale, so moving to another one starts from its own source.
 */
import { IconZoomQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { useTemplateSource } from '../../api/templates.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { useTemplateLabels } from './templateLabels.ts';

export function TemplatePage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const { key = '', locale = '' } = useParams();
  const source = useTemplateSource(storeId, key, locale);
  const labels = useTemplateLabels();
  const title = labels.name(key) ?? key;
  const description = `${key} · ${labels.locale(locale)}`;

  if (source.data) return <TemplateEditor key={`${key}/${locale}`} storeId={storeId} source={source.data} title={title} description={description} />;
  const missing = source.error instanceof ApiError && (source.error.code === 'not_found' || source.error.status === 400);
  return (
    <Page title={title} description={description}>
      {source.isPending && <PageLoader />}
      {missing && (
        <EmptyState
          icon={IconZoomQuestion}
          title={t('template.notFound')}
          action={
            <Button component={Link} to={`/stores/${encodeURIComponent(storeId)}/templates`} variant="light">
              {t('template.backToList')}
            </Button>
          }
        />
      )}
      {source.isError && !missing && <QueryError error={source.error} onRetry={() => void source.refetch()} />}
    </Page>
  );
}

/**
 * One flow in the builder (/stores/:id/flows/:flowId), or a new blank one (/flows/new?name=…),
 * which exists only on this page until it is first saved: a flow must be valid to be stored.
 * React Flow's stylesheet is loaded here, with the flow area's chunk, not with the app shell.
 */
import '@xyflow/react/dist/style.css';
import './builder/builder.css';
import { Button } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useFlow } from '../../api/flows.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { FlowBuilder } from './builder/FlowBuilder.tsx';
import { blankFlow } from './builder/model/newNode.ts';

/** The address of a flow not saved yet (flow ids are UUIDs, so never this). */
const NEW_FLOW = 'new';

export function FlowPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const { flowId = '' } = useParams();
  const [params] = useSearchParams();
  const isNew = flowId === NEW_FLOW;
  const flow = useFlow(storeId, isNew ? undefined : flowId);

  if (isNew) {
    return (
      <ReactFlowProvider key={NEW_FLOW}>
        <FlowBuilder storeId={storeId} flow={null} initial={blankFlow(params.get('name')?.trim() || t('flow.untitled'))} />
      </ReactFlowProvider>
    );
  }
  if (flow.isPending) return <PageLoader />;
  if (flow.isError) {
    if (flow.error instanceof ApiError && flow.error.status === 404) {
      return (
        <EmptyState icon={IconRoute} title={t('flow.notFoundTitle')} action={<Button component={Link} to={`/stores/${storeId}/flows`}>{t('flow.back')}</Button>}>
          {t('flow.notFoundBody')}
        </EmptyState>
      );
    }
    return <QueryError error={flow.error} onRetry={() => void flow.refetch()} />;
  }
  return (
    <ReactFlowProvider key={flow.data.id}>
      <FlowBuilder storeId={storeId} flow={flow.data} initial={flow.data.definition} />
    </ReactFlowProvider>
  );
}

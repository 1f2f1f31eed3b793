/**
 * The store's flows (GET /api/stores/:id/flows): status, versions, the last 30 days, and the ways
 * to start a new one (a ready-made flow or a blank canvas), pause, resume and delete.
 */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlows, type FlowSummary } from '../../api/flows.ts';
import { useCurrentStore, useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { DeleteFlowDialog } from './list/DeleteFlowDialog.tsx';
import { FlowsTable } from './list/FlowsTable.tsx';
import { NewFlowModal } from './list/NewFlowModal.tsx';
import { useFlowStatusAction } from './useFlowStatusAction.ts';

export function FlowsPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const currency = useCurrentStore()?.settings.currency ?? 'USD';
  const flows = useFlows(storeId);
  const status = useFlowStatusAction(storeId);
  const [creating, createCtl] = useDisclosure(false);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);

  const newFlow = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createCtl.open}>
      {t('flows.new')}
    </Button>
  );
  return (
    <Page title={t('flows.title')} description={t('flows.description')} actions={flows.data?.length ? newFlow : undefined}>
      {flows.isPending && <PageLoader />}
      {flows.isError && <QueryError error={flows.error} onRetry={() => void flows.refetch()} />}
      {flows.data?.length === 0 && (
        <EmptyState icon={IconRoute} title={t('flows.empty.title')} action={newFlow}>
          {t('flows.empty.body')}
        </EmptyState>
      )}
      {!!flows.data?.length && <FlowsTable storeId={storeId} flows={flows.data} currency={currency} pendingFor={status.pendingFor} onStatus={status.change} onDelete={setDeleting} />}
      <NewFlowModal storeId={storeId} flows={flows.data ?? []} opened={creating} onClose={createCtl.close} />
      <DeleteFlowDialog storeId={storeId} flow={deleting} onClose={() => setDeleting(null)} onPause={(f) => status.change(f, 'paused')} />
    </Page>
  );
}

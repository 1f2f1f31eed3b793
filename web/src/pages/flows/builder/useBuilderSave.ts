/**
 * Saving the builder's draft: a new version of the flow (PUT), or for a flow not saved yet its
 * creation (POST with create=true, so an existing flow of the same name is never overwritten).
 * A name already in use is said as such; other failures through the usual error toast.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { useCreateFlow, useSaveFlow, type FlowDefinition, type FlowSummary } from '../../../api/flows.ts';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

export function useBuilderSave(storeId: string, flow: FlowSummary | null, onSaved: (def: FlowDefinition) => void) {
  const { t } = useTranslation();
  const create = useCreateFlow(storeId);
  const update = useSaveFlow(storeId, flow?.id ?? '');
  /** the id of a flow this page just created; the page then moves to its address */
  const [created, setCreated] = useState<string | null>(null);

  const save = async (def: FlowDefinition, publish: boolean): Promise<boolean> => {
    try {
      const result = flow ? await update.mutateAsync({ definition: def, publish }) : await create.mutateAsync({ definition: def, publish });
      onSaved(def);
      notifySuccess(t(publish ? 'flow.toolbar.published' : 'flow.toolbar.saved', { version: result.latestVersion }));
      if (!flow) setCreated(result.id);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        notifications.show({ title: t('errors.title'), message: t('flow.toolbar.nameTaken', { name: def.name }), color: 'red', autoClose: 8000 });
      } else notifyError(t, err);
      return false;
    }
  };
  return { save, pending: create.isPending || update.isPending, created };
}

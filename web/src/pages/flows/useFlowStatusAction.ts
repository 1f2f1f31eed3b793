/** Go live, pause or resume a flow, and say what that means for the shoppers in it (list and builder). */
import { useTranslation } from 'react-i18next';
import { useSetFlowStatus, type FlowStatus, type FlowSummary } from '../../api/flows.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';

export function useFlowStatusAction(storeId: string) {
  const { t } = useTranslation();
  const mutation = useSetFlowStatus(storeId);
  const change = (flow: FlowSummary, status: FlowStatus) =>
    mutation.mutate(
      { flowId: flow.id, status },
      {
        onSuccess: () => notifySuccess(status === 'paused' ? t('flows.actions.pausedNote', { name: flow.name }) : t('flows.actions.liveNote', { name: flow.name })),
        onError: (err) => notifyError(t, err),
      },
    );
  return { change, pending: mutation.isPending, pendingFor: mutation.isPending ? mutation.variables?.flowId : undefined };
}

/**
 * Deleting a flow, confirmed. Only a flow nobody ever entered can go (its versions with it); for
 * any other the server answers 409, and the dialog says why and offers to pause it instead, which
 * keeps its history in the reports.
 */
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { useDeleteFlow, type FlowSummary } from '../../../api/flows.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { errorMessage } from '../../../i18n/errorMessage.ts';

export interface DeleteFlowDialogProps {
  storeId: string;
  flow: FlowSummary | null;
  onClose: () => void;
  onPause: (flow: FlowSummary) => void;
}

export function DeleteFlowDialog({ storeId, flow, onClose, onPause }: DeleteFlowDialogProps) {
  const { t } = useTranslation();
  const remove = useDeleteFlow(storeId);
  // The dialog fades out after `flow` is cleared: keep naming the flow it was about meanwhile.
  const last = useRef(flow);
  if (flow) last.current = flow;
  const shown = flow ?? last.current;
  const refused = remove.error instanceof ApiError && remove.error.code === 'conflict';
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => flow && remove.mutate(flow.id, { onSuccess: () => (notifySuccess(t('flows.delete.done', { name: flow.name })), close()) });
  return (
    <Modal opened={flow !== null} onClose={close} title={t('flows.delete.title', { name: shown?.name ?? '' })} centered>
      {refused ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} role="alert" title={t('flows.delete.refusedTitle')}>
          {t('flows.delete.refused', { name: shown?.name ?? '' })}
        </Alert>
      ) : (
        <Text size="sm">{t('flows.delete.confirm', { name: shown?.name ?? '' })}</Text>
      )}
      {remove.isError && !refused && (
        <Alert color="red" variant="light" mt="md" role="alert">
          {errorMessage(t, remove.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={close} data-autofocus>
          {refused ? t('common.close') : t('common.cancel')}
        </Button>
        {refused && flow?.status === 'live' && <Button onClick={() => (onPause(flow), close())}>{t('flows.actions.pause')}</Button>}
        {!refused && (
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('flows.delete.submit')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}

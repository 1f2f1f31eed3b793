/**
 * A destructive action behind a confirmation dialog (focus moves into it, Escape cancels). The
 * trigger is an icon button, so it needs a label that names what it acts on.
 */
import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmActionProps {
  /** accessible name and tooltip of the trigger, e.g. "Revoke nightly export" */
  label: string;
  icon: ReactNode;
  /** the question in the dialog */
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

export function ConfirmAction({ label, icon, message, confirmLabel, onConfirm }: ConfirmActionProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useDisclosure(false);
  const confirm = async () => {
    setBusy.open();
    try {
      await onConfirm();
      close();
    } finally {
      setBusy.close();
    }
  };
  return (
    <>
      <Tooltip label={label} withArrow openDelay={300}>
        <ActionIcon variant="subtle" color="red" onClick={open} aria-label={label}>
          {icon}
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={label} centered size="sm">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm().catch(() => undefined)} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/**
 * A button for an action that cannot be taken back (rotating a key): it asks first, in a dialog
 * that starts on Cancel, and stays open if the action fails (the caller says why).
 */
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps extends Pick<ButtonProps, 'leftSection' | 'variant' | 'color' | 'size'> {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
}

export function ConfirmButton({ children, title, message, confirmLabel, busy, onConfirm, ...button }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm" component="div">
          {message}
        </Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void onConfirm().then(close, () => undefined)}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

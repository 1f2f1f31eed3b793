/**
 * Publishing, confirmed: the new version is what newly abandoned carts enter from now on, while
 * every shopper already in the flow finishes on the version they started with.
 */
import { Button, Group, List, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format.ts';

export interface PublishModalProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
  version: number;
  /** runs in the flow now; unknown for a flow not saved yet */
  inFlight: number | undefined;
  paused: boolean;
}

export function PublishModal({ opened, onClose, onConfirm, pending, version, inFlight, paused }: PublishModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('flow.publish.title', { version })} centered>
      <List size="sm" spacing="xs">
        <List.Item>{t('flow.publish.newRuns', { version })}</List.Item>
        <List.Item>{inFlight ? t('flow.publish.inFlight', { count: inFlight, n: formatNumber(inFlight) }) : t('flow.publish.inFlightNone')}</List.Item>
        {paused && <List.Item>{t('flow.publish.resumes')}</List.Item>}
      </List>
      <Text size="sm" c="dimmed" mt="md">
        {t('flow.publish.history')}
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} loading={pending}>
          {t('flow.publish.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}

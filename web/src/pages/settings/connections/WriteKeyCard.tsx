/**
 * The server API: where a shop's own server (or a Segment pipeline) sends events, how it signs in
 * with the write key, and rotating that key. The server keeps only a hash, so the new key is shown
 * once, here, and the old one stops working the moment it is replaced: both are said before and
 * after.
 */
import { Alert, Button, Code, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconRotateClockwise, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnectInfo, useRotateWriteKey } from '../../../api/settings.ts';
import { notifyError } from '../../../components/notify.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { ConfirmButton } from '../fields/ConfirmButton.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';

export function WriteKeyCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const connect = useConnectInfo(storeId);
  const rotate = useRotateWriteKey(storeId);
  const fresh = rotate.data?.writeKey;

  return (
    <SettingsCard id="settings-server-title" title={t('settings.connections.server.title')} description={t('settings.connections.server.description')}>
      <Stack gap="md">
        {connect.data ? <CopyCode label={t('settings.connections.server.endpoint')} value={connect.data.trackUrl} testId="track-url" /> : <Skeleton h={36} />}
        <Text size="sm">
          {t('settings.connections.server.auth')} <Code>Authorization: Bearer wk_…</Code>
        </Text>
        <Text size="sm" c="dimmed">
          {t('settings.connections.server.lost')}
        </Text>
        <Group>
          <ConfirmButton
            leftSection={<IconRotateClockwise size={16} aria-hidden />}
            title={t('settings.connections.server.rotateTitle')}
            message={t('settings.connections.server.rotateConfirm')}
            confirmLabel={t('settings.connections.server.rotate')}
            busy={rotate.isPending}
            onConfirm={() => rotate.mutateAsync().catch((err: unknown) => { notifyError(t, err); throw err; })}
          >
            {t('settings.connections.server.rotate')}
          </ConfirmButton>
        </Group>
      </Stack>
      <Modal opened={!!fresh} onClose={() => rotate.reset()} title={t('settings.connections.server.newTitle')} centered size="lg" closeOnClickOutside={false}>
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />}>
            {t('settings.connections.server.shownOnce')}
          </Alert>
          {fresh && <CopyCode label={t('settings.connections.server.writeKey')} value={fresh} testId="new-write-key" />}
          <Group justify="flex-end">
            <Button onClick={() => rotate.reset()}>{t('common.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsCard>
  );
}

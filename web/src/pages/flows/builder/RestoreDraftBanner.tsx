/** Offers back the unsaved edits this browser kept for this flow (see useLocalDraft). */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../../format.ts';

export function RestoreDraftBanner({ at, onRestore, onDiscard }: { at: number; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconDeviceFloppy size={18} />} py="xs">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('flow.restore.body', { when: formatRelative(at) })}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onDiscard}>
            {t('flow.restore.discard')}
          </Button>
          <Button size="xs" onClick={onRestore}>
            {t('flow.restore.restore')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

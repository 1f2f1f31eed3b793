/** Says that the canvas shows an old version, read-only, and offers the way back or to start from it. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ViewingBanner({ version, loading, onBack, onTakeUp }: { version: number; loading: boolean; onBack: () => void; onTakeUp: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" icon={<IconHistory size={18} />} py="xs" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('flow.versions.viewing', { version })}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onTakeUp} disabled={loading}>
            {t('flow.versions.takeUp')}
          </Button>
          <Button size="xs" onClick={onBack}>
            {t('flow.versions.back')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

/** An empty canvas says where to begin: the trigger, from the palette on the left. */
import { Paper, Text } from '@mantine/core';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

export function CanvasHint() {
  const { t } = useTranslation();
  return (
    <Panel position="top-center" style={{ marginTop: 96 }}>
      <Paper withBorder p="md" maw={320} ta="center" shadow="xs">
        <Text fw={600}>{t('flow.canvas.emptyTitle')}</Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('flow.canvas.emptyBody')}
        </Text>
      </Paper>
    </Panel>
  );
}

/** A selected link: where it goes from and to, and a button to remove it (as the Delete key does). */
import { Button, Stack, Text, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBuilderInfo } from '../BuilderContext.ts';
import { parseEdgeId } from '../canvasModel.ts';
import { stepName } from '../model/describe.ts';
import { targetOf } from '../model/graph.ts';

export function EdgePanel({ edgeId, onRemove }: { edgeId: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const { def, readOnly } = useBuilderInfo();
  const { source, port } = parseEdgeId(edgeId);
  const from = def.nodes.find((n) => n.id === source);
  const to = from && def.nodes.find((n) => n.id === targetOf(from, port));
  if (!from || !to) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('flow.panel.linkTitle')}
      </Title>
      <Text size="sm">{t(port === 'next' ? 'flow.panel.linkFromTo' : 'flow.panel.linkBranch', { from: stepName(t, from), to: stepName(t, to), branch: port === 'next' ? '' : t(`flow.canvas.${port}`) })}</Text>
      {!readOnly && (
        <Button variant="light" color="red" leftSection={<IconLinkOff size={16} aria-hidden />} onClick={onRemove} style={{ alignSelf: 'flex-start' }}>
          {t('flow.panel.removeLink')}
        </Button>
      )}
    </Stack>
  );
}

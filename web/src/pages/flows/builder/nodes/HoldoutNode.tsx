/**
 * A holdout on the canvas. Those held out get nothing and leave the flow; only the others follow
 * the way out, so the node says what the held-out share is for.
 */
import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function HoldoutNode({ data, selected }: NodeProps<StepNode>) {
  const { t } = useTranslation();
  return (
    <NodeCard step={data.step} selected={!!selected} inbound outs={['next']}>
      <Text size="xs" c="dimmed">
        {t('flow.canvas.holdoutNote')}
      </Text>
    </NodeCard>
  );
}

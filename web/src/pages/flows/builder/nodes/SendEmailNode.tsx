/**
 * A send step on the canvas. Its sentence names the template (or the A/B variants with their
 * shares) and the discount; an A/B test is also marked, since its counts mix the variants.
 */
import { Badge, Group } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function SendEmailNode({ data, selected }: NodeProps<StepNode>) {
  const { t } = useTranslation();
  const step = data.step.type === 'send_email' ? data.step : null;
  return (
    <NodeCard step={data.step} selected={!!selected} inbound outs={['next']}>
      {(step?.variants?.length || step?.discount) && (
        <Group gap={4} mt={4}>
          {!!step.variants?.length && <Badge size="xs" variant="light" color="violet">{t('flow.canvas.abTest', { count: step.variants.length })}</Badge>}
          {step.discount && <Badge size="xs" variant="light" color="orange">{t('flow.canvas.discount')}</Badge>}
        </Group>
      )}
    </NodeCard>
  );
}

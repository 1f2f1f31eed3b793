/** A condition on the canvas: two labelled ways out, yes on the left and no on the right. */
import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function ConditionNode({ data, selected }: NodeProps<StepNode>) {
  return <NodeCard step={data.step} selected={!!selected} inbound outs={['yes', 'no']} />;
}

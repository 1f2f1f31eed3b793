/** The trigger on the canvas: where every run begins (a cart gone quiet), so nothing links into it. */
import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function TriggerNode({ data, selected }: NodeProps<StepNode>) {
  return <NodeCard step={data.step} selected={!!selected} inbound={false} outs={['next']} />;
}

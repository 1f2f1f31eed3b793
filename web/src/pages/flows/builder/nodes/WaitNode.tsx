/** A wait on the canvas: one way in, one way out once the time is over ("Wait 30 hours"). */
import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function WaitNode({ data, selected }: NodeProps<StepNode>) {
  return <NodeCard step={data.step} selected={!!selected} inbound outs={['next']} />;
}

/** The end of a run on the canvas: links come in, none go out (so it has no source handle). */
import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvasModel.ts';
import { NodeCard } from './NodeCard.tsx';

export function ExitNode({ data, selected }: NodeProps<StepNode>) {
  return <NodeCard step={data.step} selected={!!selected} inbound outs={[]} />;
}

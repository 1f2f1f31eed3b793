/** React Flow's node types: one component per kind of step (kept stable, outside any render). */
import type { NodeTypes } from '@xyflow/react';
import { ConditionNode } from './ConditionNode.tsx';
import { ExitNode } from './ExitNode.tsx';
import { HoldoutNode } from './HoldoutNode.tsx';
import { SendEmailNode } from './SendEmailNode.tsx';
import { TriggerNode } from './TriggerNode.tsx';
import { WaitNode } from './WaitNode.tsx';

export const nodeTypes = {
  trigger: TriggerNode,
  wait: WaitNode,
  send_email: SendEmailNode,
  condition: ConditionNode,
  holdout: HoldoutNode,
  exit: ExitNode,
} satisfies NodeTypes;

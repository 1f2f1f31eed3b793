/**
 * What a step added from the palette starts as. Send steps start without a template on purpose:
 * choosing one is a decision, and "choose a template" in the list of what is missing says so.
 */
import type { FlowDefinition, FlowNode } from '../../../../api/flows.ts';
import { newNodeId, type XY } from './graph.ts';

export const NODE_TYPES = ['trigger', 'send_email', 'wait', 'condition', 'holdout', 'exit'] as const satisfies ReadonlyArray<FlowNode['type']>;
export type NodeType = (typeof NODE_TYPES)[number];

export function newNode(def: FlowDefinition, type: NodeType, position: XY): FlowNode {
  const id = newNodeId(def, type);
  switch (type) {
    case 'trigger':
      return { id, type, event: 'cart_abandoned', next: null, position };
    case 'wait':
      return { id, type, duration: 'P1D', next: null, position };
    case 'send_email':
      return { id, type, template: '', next: null, position };
    case 'condition':
      return { id, type, check: { kind: 'purchased' }, yes: null, no: null, position };
    case 'holdout':
      return { id, type, percent: 10, next: null, position };
    case 'exit':
      return { id, type, position };
  }
}

/** A blank flow: nothing on the canvas yet; the list of what is missing says to add a trigger. */
export function blankFlow(name: string): FlowDefinition {
  return { name, trigger: 'cart_abandoned', stopOnPurchase: true, nodes: [] };
}

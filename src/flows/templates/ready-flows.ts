/**
 * The ready-made recovery flows every new store gets (MISSION.md's proven sequences). The store's
 * abandonment timeout (default 30 minutes of quiet) comes first; wait durations count from the
 * previous step. Each starts with a 10% holdout so the report can show the lift honestly; set
 * the percent to 0 to message everyone.
 */
import type { FlowDefinition, FlowNode } from '../../contracts/flow.ts';

// A step on the canvas is up to about 160 px tall (label, two lines, counts, badges): keep them apart.
const col = (i: number) => ({ x: 0, y: i * 180 });

function chain(nodes: Array<Omit<FlowNode, 'position' | 'next'> & Record<string, unknown>>): FlowNode[] {
  return nodes.map((n, i) => {
    const next = nodes[i + 1]?.id ?? null;
    const withNext = n.type === 'exit' || n.type === 'condition' ? n : { ...n, next };
    return { ...withNext, position: col(i) } as FlowNode;
  });
}

export const HELPFUL_TWO_STEP: FlowDefinition = {
  name: 'Helpful two-step',
  description: 'Service tone as soon as the cart goes quiet (30 minutes by default), then a small unique discount 30 hours later.',
  trigger: 'cart_abandoned',
  stopOnPurchase: true,
  nodes: chain([
    { id: 'trigger', type: 'trigger', event: 'cart_abandoned', label: 'Cart abandoned' },
    { id: 'holdout', type: 'holdout', percent: 10, label: 'Holdout 10%' },
    { id: 'email-1', type: 'send_email', template: 'helpful-1', label: 'Anything we can help with?' },
    { id: 'wait-1', type: 'wait', duration: 'PT30H' },
    { id: 'email-2', type: 'send_email', template: 'helpful-2', label: 'A small thank-you', discount: { kind: 'percent', value: 5, validFor: 'P3D' } },
    { id: 'end', type: 'exit' },
  ]),
};

export const CLASSIC_THREE_STEP: FlowDefinition = {
  name: 'Classic three-step',
  description: 'Reminder 1 hour after the last activity, honest urgency at 24 hours, a discount at 72 hours.',
  trigger: 'cart_abandoned',
  stopOnPurchase: true,
  nodes: chain([
    { id: 'trigger', type: 'trigger', event: 'cart_abandoned', label: 'Cart abandoned' },
    { id: 'holdout', type: 'holdout', percent: 10 },
    { id: 'wait-1', type: 'wait', duration: 'PT30M' },
    { id: 'email-1', type: 'send_email', template: 'classic-1', label: 'Reminder' },
    { id: 'wait-2', type: 'wait', duration: 'PT23H' },
    { id: 'email-2', type: 'send_email', template: 'classic-2', label: 'Urgency' },
    { id: 'wait-3', type: 'wait', duration: 'P2D' },
    { id: 'email-3', type: 'send_email', template: 'classic-3', label: 'Discount', discount: { kind: 'percent', value: 10, validFor: 'P2D' } },
    { id: 'end', type: 'exit' },
  ]),
};

export const DAY_BASED: FlowDefinition = {
  name: 'Day 1, 3, 5',
  description: 'A reminder on day 1, low stock on day 3, and on day 5 a discount valid that day only.',
  trigger: 'cart_abandoned',
  stopOnPurchase: true,
  nodes: chain([
    { id: 'trigger', type: 'trigger', event: 'cart_abandoned', label: 'Cart abandoned' },
    { id: 'holdout', type: 'holdout', percent: 10 },
    { id: 'wait-1', type: 'wait', duration: 'P1D' },
    { id: 'email-1', type: 'send_email', template: 'day-1', label: 'Day 1 reminder' },
    { id: 'wait-2', type: 'wait', duration: 'P2D' },
    { id: 'email-2', type: 'send_email', template: 'day-3', label: 'Day 3 low stock' },
    { id: 'wait-3', type: 'wait', duration: 'P2D' },
    { id: 'email-3', type: 'send_email', template: 'day-5', label: 'Day 5 today only', discount: { kind: 'percent', value: 10, validFor: 'today' } },
    { id: 'end', type: 'exit' },
  ]),
};

/** In creation order: the first is published live, the others are drafts. */
export const READY_FLOWS: readonly FlowDefinition[] = [HELPFUL_TWO_STEP, CLASSIC_THREE_STEP, DAY_BASED];

/**
 * The flow definition read as a graph. Edges are fields on the nodes (`next`, or `yes`/`no` on a
 * condition) and positions are the nodes' own `position`, so every edit here returns a new
 * definition and the canvas is drawn from it: there is no second model to keep in step.
 */
import type { FlowDefinition, FlowNode } from '../../../../api/flows.ts';

export type Port = 'next' | 'yes' | 'no';
export interface Link { source: string; port: Port; target: string }
export interface XY { x: number; y: number }

/** Room for one step: a step is 240 px wide and up to about 160 px tall (label, two lines, counts). */
export const ROW = 180;
export const COLUMN = 280;

export function portsOf(n: FlowNode): Port[] {
  if (n.type === 'condition') return ['yes', 'no'];
  if (n.type === 'exit') return [];
  return ['next'];
}

export function targetOf(n: FlowNode, port: Port): string | null {
  const value = (n as Partial<Record<Port, string | null>>)[port];
  return typeof value === 'string' ? value : null;
}

export function withTarget(n: FlowNode, port: Port, target: string | null): FlowNode {
  return portsOf(n).includes(port) ? ({ ...n, [port]: target } as FlowNode) : n;
}

export function linksOf(def: FlowDefinition): Link[] {
  return def.nodes.flatMap((n) => portsOf(n).flatMap((port) => {
    const target = targetOf(n, port);
    return target ? [{ source: n.id, port, target }] : [];
  }));
}

/** Nodes without a stored position (an imported file may omit them) stack in one column. */
export function positionOf(n: FlowNode, index: number): XY {
  return n.position ?? { x: 0, y: index * ROW };
}

/** Removes nodes and every reference to them: links into them end the run there instead. */
export function removeNodes(def: FlowDefinition, ids: readonly string[]): FlowDefinition {
  const gone = new Set(ids);
  const nodes = def.nodes.filter((n) => !gone.has(n.id)).map((n) => {
    let out = n;
    for (const port of portsOf(n)) if (gone.has(targetOf(n, port) ?? '')) out = withTarget(out, port, null);
    if (out.type === 'condition' && 'node' in out.check && out.check.node && gone.has(out.check.node)) out = { ...out, check: { kind: out.check.kind } };
    return out;
  });
  return { ...def, nodes };
}

export function mapNode(def: FlowDefinition, id: string, fn: (n: FlowNode) => FlowNode): FlowDefinition {
  return { ...def, nodes: def.nodes.map((n) => (n.id === id ? fn(n) : n)) };
}

/** Steps in the order a run meets them (depth first from the trigger), then any left unconnected. */
export function stepOrder(def: FlowDefinition): FlowNode[] {
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const out: FlowNode[] = [];
  const visit = (n: FlowNode | undefined) => {
    if (!n || seen.has(n.id)) return;
    seen.add(n.id);
    out.push(n);
    for (const port of portsOf(n)) visit(byId.get(targetOf(n, port) ?? ''));
  };
  visit(def.nodes.find((n) => n.type === 'trigger'));
  for (const n of def.nodes) visit(n);
  return out;
}

const PREFIX: Record<FlowNode['type'], string> = { trigger: 'trigger', wait: 'wait', send_email: 'email', condition: 'check', holdout: 'holdout', exit: 'end' };

/** A readable id not used in this definition: email-3 after email-1 and email-2. */
export function newNodeId(def: FlowDefinition, type: FlowNode['type']): string {
  const prefix = PREFIX[type];
  const ids = new Set(def.nodes.map((n) => n.id));
  if (type === 'trigger' && !ids.has(prefix)) return prefix;
  let i = 1;
  while (ids.has(`${prefix}-${i}`)) i += 1;
  return `${prefix}-${i}`;
}

/** A free spot at `anchor`, stepping right a column at a time until it overlaps no step. */
export function placeNear(def: FlowDefinition, anchor: XY): XY {
  const taken = def.nodes.map(positionOf);
  const spot = { x: Math.round(anchor.x), y: Math.round(anchor.y) };
  while (taken.some((p) => Math.abs(p.x - spot.x) < COLUMN - 20 && Math.abs(p.y - spot.y) < ROW - 10)) spot.x += COLUMN;
  return spot;
}

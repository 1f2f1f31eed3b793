import type { FlowDefinition, FlowNode } from '../../contracts/flow.ts';
import type { Tx } from '../../store/queries/contacts.ts';
import { getDefinition } from '../../store/queries/flows.ts';

// Published versions never change (invariant 5), so a process may keep every one it has read.
const cache = new Map<string, { def: FlowDefinition; nodes: Map<string, FlowNode> }>();

async function load(tx: Tx, flowId: string, version: number) {
  const key = `${flowId}@${version}`;
  let hit = cache.get(key);
  if (!hit) {
    const def = await getDefinition(tx, flowId, version);
    hit = { def, nodes: new Map(def.nodes.map((n) => [n.id, n])) };
    cache.set(key, hit);
  }
  return hit;
}

export async function definitionOf(tx: Tx, flowId: string, version: number): Promise<FlowDefinition> {
  return (await load(tx, flowId, version)).def;
}

export async function nodeOf(tx: Tx, flowId: string, version: number, nodeId: string): Promise<FlowNode | undefined> {
  return (await load(tx, flowId, version)).nodes.get(nodeId);
}

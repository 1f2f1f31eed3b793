/**
 * Steps one claimed run through its flow version until it waits or ends. Every transition is a
 * compare-and-set on the run row (lease owner + active state), so a run that a purchase ended, or
 * whose lease another worker took, stops here without acting.
 */
import { getStore } from '../../store/queries/stores.ts';
import { moveRun, releaseLease, type Run } from '../../store/queries/runs.ts';
import { definitionOf } from '../definition/cache.ts';
import { NODE_TYPES } from '../nodes/index.ts';
import type { EngineDeps, Outcome } from './deps.ts';

const MAX_STEPS_PER_CLAIM = 100; // flows are acyclic and at most 200 nodes; this bounds one claim

async function apply(deps: EngineDeps, run: Run, o: Outcome): Promise<{ run: Run; continue: boolean }> {
  const now = deps.clock.now();
  if (o.kind === 'applied') return { run, continue: false };
  if (o.kind === 'end' || ((o.kind === 'next' || o.kind === 'wait') && !o.node)) {
    const reason = o.kind === 'end' ? o.reason : 'completed';
    const holdout = o.kind === 'end' && o.holdout ? 1 : run.holdout;
    await moveRun(deps.db, run.id, deps.owner, { state: reason === 'completed' ? 'done' : 'exited', exit_reason: reason, ended_at: now, due_at: null, holdout });
    return { run, continue: false };
  }
  if (o.kind === 'wait') {
    const moved = await moveRun(deps.db, run.id, deps.owner, { node_id: o.node!, due_at: o.until });
    if (moved) await releaseLease(deps.db, run.id, deps.owner);
    return { run, continue: false };
  }
  const moved = await moveRun(deps.db, run.id, deps.owner, { node_id: o.node! });
  return { run: { ...run, node_id: o.node! }, continue: moved };
}

export async function advanceRun(deps: EngineDeps, claimed: Run): Promise<void> {
  const def = await definitionOf(deps.db, claimed.flow_id, claimed.flow_version);
  const store = await getStore(deps.db, claimed.store_id);
  let run = claimed;
  for (let i = 0; i < MAX_STEPS_PER_CLAIM; i++) {
    const node = def.nodes.find((n) => n.id === run.node_id);
    if (!node) {
      await apply(deps, run, { kind: 'end', reason: 'node_missing' });
      return;
    }
    const outcome = await NODE_TYPES[node.type]({ deps, run, def, node, store } as never);
    const r = await apply(deps, run, outcome);
    if (!r.continue) return;
    run = r.run;
  }
  await releaseLease(deps.db, run.id, deps.owner);
}

/**
 * Steps one claimed run through its flow version until it waits or ends. Every transition is a
 * compare-and-set on the run row (lease owner + active state), so a run that a purchase ended, or
 * whose lease another worker took, stops here without acting.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { getStore, type Store } from '../../store/queries/stores.ts';
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
    await moveRun(deps.db, run.id, deps.owner, { node_id: o.node!, due_at: o.until }, { release: true });
    return { run, continue: false };
  }
  const moved = await moveRun(deps.db, run.id, deps.owner, { node_id: o.node! });
  return { run: { ...run, node_id: o.node! }, continue: moved };
}

export async function advanceRun(deps: EngineDeps, claimed: Run, storeOf: (id: string) => Promise<Store> = (id) => getStore(deps.db, id)): Promise<void> {
  const def = await definitionOf(deps.db, claimed.flow_id, claimed.flow_version);
  const store = await storeOf(claimed.store_id);
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

/**
 * Steps a claimed batch, `concurrency` runs at a time; each lane takes the next run as soon as its
 * last one is done, so one slow step (a mail server) does not hold up the rest. Each store is read
 * once per batch, not once per run: its settings are as fresh as the claim. A failed step is
 * logged and its run retried when its lease expires. Ends with a turn of the event loop.
 */
export async function advanceRuns(deps: EngineDeps, runs: Run[], concurrency: number): Promise<void> {
  const stores = new Map<string, Promise<Store>>();
  const storeOf = (id: string) => stores.get(id) ?? stores.set(id, getStore(deps.db, id)).get(id)!;
  let next = 0;
  const lane = async () => {
    for (let r = runs[next++]; r; r = runs[next++]) {
      await advanceRun(deps, r, storeOf).catch((err) => deps.log.error({ err, runId: r!.id }, 'run step failed; it will be retried when its lease expires'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, lane));
  // better-sqlite3 answers synchronously, so without this a backlog stepped on SQLite never gave the
  // event loop a turn: HTTP (ingest, links, /readyz) waited for all of it (2.5 s for 20,000 runs).
  await yieldToEventLoop();
}

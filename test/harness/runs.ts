/**
 * Runs in bulk, for tests (and bench/) of the engine's claim path: a store with one published flow
 * `trigger → wait (P30D) → exit` and runs parked at its wait. Stepping such a run moves it to `end`
 * with due_at = (time of the step) + 30 days and adds one to `steps`, so a test can read back when
 * each run was stepped and how many times.
 */
import type { Kysely } from 'kysely';
import { importFlow } from '../../src/flows/definition/publish.ts';
import { migrate, openDatabase, type Database } from '../../src/store/db.ts';
import type { DB } from '../../src/store/schema.ts';
import { createStore } from '../../src/stores/create-store.ts';
import type { Config } from '../../src/config/index.ts';

/** stepping the wait moves the run's due time this far past the step */
export const WAIT_MS = 30 * 86_400_000;

export const WAIT_FLOW = {
  name: 'Wait then exit',
  trigger: 'cart_abandoned',
  nodes: [
    { id: 'trigger', type: 'trigger', event: 'cart_abandoned', next: 'hold' },
    { id: 'hold', type: 'wait', duration: 'P30D', next: 'end' },
    { id: 'end', type: 'exit' },
  ],
};

/** Creates the store and publishes WAIT_FLOW through Cartback's own code (the database must be migrated). */
export async function storeWithWaitFlow(db: Kysely<DB>, now = Date.now()): Promise<{ storeId: string; flowId: string }> {
  const { store } = await createStore(db, { name: 'Claims', settings: { currency: 'USD', domain: 'shop.example.com', postalAddress: '1 Test Street, Springfield' }, templates: false }, now);
  const flow = await importFlow(db, store.id, WAIT_FLOW, { publish: true, now });
  return { storeId: store.id, flowId: flow.id };
}

export async function openMigrated(database: Config['database']): Promise<Database> {
  const opened = openDatabase(database, { poolSize: 4 });
  await migrate(opened);
  return opened;
}

/** `n` runs `${prefix}0…` at the wait, all due at `dueAt`. */
export async function seedWaitingRuns(db: Kysely<DB>, at: { storeId: string; flowId: string }, o: { n: number; dueAt: number; prefix?: string }): Promise<void> {
  const prefix = o.prefix ?? 'run-';
  const rows = Array.from({ length: o.n }, (_, i) => ({
    store_id: at.storeId, id: `${prefix}${String(i).padStart(6, '0')}`, flow_id: at.flowId, flow_version: 1, contact_id: `contact-${prefix}${i}`, cart_id: null, episode: 0,
    state: 'active', node_id: 'hold', due_at: o.dueAt, lease_owner: null, lease_until: null, holdout: 0, started_at: o.dueAt, cart_started_at: o.dueAt, ended_at: null, exit_reason: null, steps: 0,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('runs').values(rows.slice(i, i + 500)).execute();
}

export interface RunState { id: string; steps: number; steppedAt: number | null; leaseOwner: string | null; leaseUntil: number | null }

export async function runStates(db: Kysely<DB>): Promise<RunState[]> {
  const rows = await db.selectFrom('runs').select(['id', 'node_id', 'due_at', 'steps', 'lease_owner', 'lease_until']).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, steps: Number(r.steps), steppedAt: r.node_id === 'end' ? Number(r.due_at) - WAIT_MS : null, leaseOwner: r.lease_owner, leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
  }));
}

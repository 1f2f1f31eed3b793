import type { FlowDefinition } from '../../contracts/flow.ts';
import { AppError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Kysely } from 'kysely';
import type { DB, FlowTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type FlowStatus = 'live' | 'draft' | 'paused';
export type Flow = FlowTable;

export async function getFlow(tx: Tx, storeId: string, flowId: string): Promise<Flow> {
  const row = await tx.selectFrom('flows').selectAll().where('store_id', '=', storeId).where('id', '=', flowId).executeTakeFirst();
  if (!row) throw new AppError('flow_not_found', `no flow ${flowId} in this store`);
  return row;
}

export async function findFlowByName(tx: Tx, storeId: string, name: string): Promise<Flow | undefined> {
  return tx.selectFrom('flows').selectAll().where('store_id', '=', storeId).where('name', '=', name).executeTakeFirst();
}

export async function listFlows(tx: Tx, storeId: string): Promise<Flow[]> {
  return tx.selectFrom('flows').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
}

/** Versions are immutable: a definition is only ever inserted, never updated. */
export async function getDefinition(tx: Tx, flowId: string, version: number): Promise<FlowDefinition> {
  const row = await tx.selectFrom('flow_versions').select('definition').where('flow_id', '=', flowId).where('version', '=', version).executeTakeFirst();
  if (!row) throw new AppError('flow_not_found', `flow ${flowId} has no version ${version}`);
  return JSON.parse(row.definition) as FlowDefinition;
}

/**
 * Saves a new version of the flow named in the definition (creating the flow if new). With
 * publish, the new version becomes the one new runs enroll in; runs in flight keep theirs.
 */
export async function saveFlowVersion(tx: Tx, storeId: string, def: FlowDefinition, opts: { publish: boolean; now: number; flowId?: string }): Promise<Flow> {
  const existing = opts.flowId ? await getFlow(tx, storeId, opts.flowId) : await findFlowByName(tx, storeId, def.name);
  const flow: Flow = existing
    ? { ...existing, name: def.name, latest_version: existing.latest_version + 1, updated_at: opts.now }
    : { store_id: storeId, id: newId(), name: def.name, trigger: def.trigger, status: 'draft', live_version: null, latest_version: 1, created_at: opts.now, updated_at: opts.now };
  if (opts.publish) {
    flow.live_version = flow.latest_version;
    flow.status = 'live';
  }
  await tx.insertInto('flow_versions').values({ store_id: storeId, flow_id: flow.id, version: flow.latest_version, definition: JSON.stringify(def), created_at: opts.now }).execute();
  if (existing) {
    const { id, store_id: _s, created_at: _c, ...rest } = flow;
    await tx.updateTable('flows').set(rest).where('id', '=', id).execute();
  } else {
    await tx.insertInto('flows').values(flow).execute();
  }
  return flow;
}

export async function setFlowStatus(tx: Tx, storeId: string, flowId: string, status: FlowStatus, now: number): Promise<Flow> {
  const flow = await getFlow(tx, storeId, flowId);
  if (status === 'live' && flow.live_version === null) {
    await tx.updateTable('flows').set({ live_version: flow.latest_version }).where('id', '=', flowId).execute();
    flow.live_version = flow.latest_version;
  }
  await tx.updateTable('flows').set({ status, updated_at: now }).where('id', '=', flowId).execute();
  return { ...flow, status, updated_at: now };
}

export async function listFlowVersions(tx: Tx, flowId: string): Promise<Array<{ version: number; created_at: number }>> {
  return tx.selectFrom('flow_versions').select(['version', 'created_at']).where('flow_id', '=', flowId).orderBy('version', 'desc').execute();
}

/** Deletes a flow and its versions if no run ever entered it; false (and nothing deleted) otherwise. */
export async function deleteUnusedFlow(db: Kysely<DB>, flowId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const used = await tx.selectFrom('runs').select('id').where('flow_id', '=', flowId).limit(1).executeTakeFirst();
    if (used) return false;
    await tx.deleteFrom('flow_versions').where('flow_id', '=', flowId).execute();
    await tx.deleteFrom('flows').where('id', '=', flowId).execute();
    return true;
  });
}

export async function liveFlows(tx: Tx, storeId: string, trigger: string): Promise<Flow[]> {
  return tx.selectFrom('flows').selectAll().where('store_id', '=', storeId).where('trigger', '=', trigger).where('status', '=', 'live').execute();
}

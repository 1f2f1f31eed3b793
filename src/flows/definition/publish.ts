/** Import (validate + save a version) and export of flow definitions, shared by the API and the CLI. */
import type { Kysely } from 'kysely';
import { BUILT_IN_KEYS } from '../../channels/email/built-in.ts';
import type { FlowDefinition } from '../../contracts/flow.ts';
import type { Tx } from '../../store/queries/contacts.ts';
import { AppError } from '../../kernel/errors.ts';
import { findFlowByName, getDefinition, getFlow, saveFlowVersion, type Flow } from '../../store/queries/flows.ts';
import type { DB } from '../../store/schema.ts';
import { validateFlow } from './validate.ts';

export async function templateKeys(tx: Tx, storeId: string): Promise<Set<string>> {
  const own = await tx.selectFrom('templates').select('key').distinct().where('store_id', '=', storeId).execute();
  return new Set([...BUILT_IN_KEYS, ...own.map((r) => r.key)]);
}

/**
 * Validates and saves a new version; with publish it becomes the live one. Nothing is saved if
 * invalid. Names are unique per store: `create` refuses a name that exists (instead of adding a
 * version to that flow, which is what an import by name does), and so does renaming `flowId` to
 * another flow's name.
 */
export async function importFlow(db: Kysely<DB>, storeId: string, raw: unknown, opts: { publish: boolean; now: number; flowId?: string; create?: boolean }): Promise<Flow> {
  return db.transaction().execute(async (tx) => {
    const keys = await templateKeys(tx, storeId);
    const def = validateFlow(raw, (k) => keys.has(k));
    const named = await findFlowByName(tx, storeId, def.name);
    if (named && (opts.create || (opts.flowId && named.id !== opts.flowId))) throw new AppError('conflict', `a flow named "${def.name}" exists already; choose another name`);
    return saveFlowVersion(tx, storeId, def, { publish: opts.publish, now: opts.now, flowId: opts.flowId });
  });
}

export async function exportFlow(db: Kysely<DB>, storeId: string, flowId: string, version?: number): Promise<FlowDefinition> {
  const flow = await getFlow(db, storeId, flowId);
  return getDefinition(db, flow.id, version ?? flow.latest_version);
}

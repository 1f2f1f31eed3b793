/** Notes on runs for what leaves no message behind: a send postponed by quiet hours, or held back because the shopper came back. */
import { newId } from '../../kernel/ids.ts';
import type { RunNoteTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export async function addRunNote(tx: Tx, note: Omit<RunNoteTable, 'id'>): Promise<void> {
  await tx.insertInto('run_notes').values({ ...note, id: newId() }).execute();
}

/** Notes every active run of the contact whose next step is now due exactly at `until` (just held back). */
export async function noteHeldBackRuns(tx: Tx, storeId: string, contactId: string, until: number, at: number): Promise<void> {
  const runs = await tx.selectFrom('runs').select(['id', 'node_id']).where('store_id', '=', storeId).where('contact_id', '=', contactId).where('state', '=', 'active').where('due_at', '=', until).execute();
  for (const r of runs) await addRunNote(tx, { store_id: storeId, run_id: r.id, contact_id: contactId, node_id: r.node_id, at, kind: 'returned_to_store', until });
}

export async function runNotesOf(tx: Tx, storeId: string, contactId: string): Promise<RunNoteTable[]> {
  return tx.selectFrom('run_notes').selectAll().where('store_id', '=', storeId).where('contact_id', '=', contactId).orderBy('at').execute();
}

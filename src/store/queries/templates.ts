/** Store-specific template versions. Insert-only: a new save is a new version, compiled once. */
import { newId } from '../../kernel/ids.ts';
import type { TemplateTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type TemplateRow = TemplateTable;

export async function latestTemplate(tx: Tx, storeId: string, key: string, locale: string): Promise<TemplateRow | undefined> {
  return tx.selectFrom('templates').selectAll().where('store_id', '=', storeId).where('key', '=', key).where('locale', '=', locale).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertTemplateVersion(tx: Tx, row: Omit<TemplateRow, 'id' | 'version'>): Promise<TemplateRow> {
  const prev = await latestTemplate(tx, row.store_id, row.key, row.locale);
  const saved: TemplateRow = { ...row, id: newId(), version: (prev?.version ?? 0) + 1 };
  await tx.insertInto('templates').values(saved).execute();
  return saved;
}

export async function storeTemplateKeys(tx: Tx, storeId: string): Promise<Array<{ key: string; locale: string; version: number }>> {
  return tx
    .selectFrom('templates')
    .select(['key', 'locale', (eb) => eb.fn.max('version').as('version')])
    .where('store_id', '=', storeId)
    .groupBy(['key', 'locale'])
    .execute() as Promise<Array<{ key: string; locale: string; version: number }>>;
}

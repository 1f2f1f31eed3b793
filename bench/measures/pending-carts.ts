/**
 * A database as Cartback leaves it with many shoppers mid-cart: its migrations, one store (with its
 * ready-made flows, as a real operator has), and `count` carts that are active, hold two items and
 * wait for abandonment (abandon_due_at from an hour ahead onwards, far beyond any measurement, so
 * the engine finds nothing due). One generated INSERT … SELECT in the database itself (a recursive
 * CTE on SQLite, generate_series on PostgreSQL): a million rows in seconds, not through HTTP.
 */
import { sql } from 'kysely';
import type { Config } from '../../src/config/index.ts';
import { migrate, openDatabase } from '../../src/store/db.ts';
import { createStore } from '../../src/stores/create-store.ts';

const COLUMNS = 'store_id, id, external_id, contact_id, anonymous_id, status, items, item_count, value, currency, started_at, last_activity_at, contents_at, abandon_due_at, abandoned_at, enrolled_at, purchased_at, order_id, restore_url, created_at, updated_at';

/** The SELECT list for cart number `i`, in the dialect's own words for padding. */
function cartRow(i: string, pad12: string, storeId: string, now: number): string {
  const item = (n: string, price: number) =>
    `'{"key":"p-' || ${n} || '","productId":"p-' || ${n} || '","sku":"SKU-' || ${n} || '","name":"Trail Running Shoe ' || ${n} || '","price":${price},"quantity":1,` +
    `"imageUrl":"https://cdn.shop.example.com/products/p-' || ${n} || '.jpg","url":"https://shop.example.com/products/p-' || ${n} || '","category":"Footwear","variant":"EU 42"}'`;
  const items = `'[' || ${item(`(${i} % 500)`, 12900)} || ',' || ${item(`(${i} % 499 + 500)`, 2450)} || ']'`;
  const at = `${now - 600_000} + (${i} % 600000)`;
  return [
    `'${storeId}'`, `'0190a000-0000-7000-8000-' || ${pad12}`, `'cart-' || ${i}`, 'null', `'anon-' || ${pad12}`, `'active'`, items, '2', '15350', `'USD'`,
    at, at, at, `${now + 3_600_000} + ${i}`, 'null', 'null', 'null', 'null', 'null', at, at,
  ].join(', ');
}

export async function fillPendingCarts(database: Config['database'], count: number, now = Date.now()): Promise<void> {
  const d = openDatabase(database);
  try {
    await migrate(d);
    const { store } = await createStore(d.db, { name: 'Bench Outdoor Co.', settings: { currency: 'USD', domain: 'shop.example.com', postalAddress: '1 Bench Street, Springfield' } }, now);
    if (count <= 0) return;
    const text = database.kind === 'sqlite'
      ? `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
         insert into carts (${COLUMNS}) select ${cartRow('i', `substr('000000000000' || i, -12)`, store.id, now)} from n`
      : `insert into carts (${COLUMNS}) select ${cartRow('i', `lpad(i::text, 12, '0')`, store.id, now)} from generate_series(0, ${count - 1}) as i`;
    await sql.raw(text).execute(d.db);
    if (database.kind === 'postgres') await sql`analyze carts`.execute(d.db);
  } finally {
    await d.close();
  }
}

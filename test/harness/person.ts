/**
 * A shopper with every kind of data Cartback can hold about a person, made through the public API
 * and the engine (dev mailbox, so each mail has its mailbox copy): events, an identified contact,
 * a cart, a flow run, two messages (the second with a discount code), an open and a click, an
 * order that redeems the code, and a note on the run. For the data-protection tests.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addRunNote } from '../../src/store/queries/run-notes.ts';
import { eventually } from './api.ts';
import { abandonCart } from './shop.ts';
import type { Suite } from './suite.ts';

export interface Person { email: string; anonymousId: string; cartId: string; contactId: string; orderId: string; code: string; mails: Array<{ id: string; message_id: string; html: string }> }

const link = (html: string, kind: 'r' | 'u' | 'o') => html.match(new RegExp(`(?:href|src)="[^"]*(/${kind}/[^"]+)"`))?.[1]?.replaceAll('&amp;', '&');

export async function mailsTo(cb: Suite, storeId: string, email: string): Promise<Array<{ id: string; message_id: string; html: string; subject: string }>> {
  return (await cb.api.admin('GET', `/stores/${storeId}/mailbox?to=${encodeURIComponent(email)}`)).body;
}

/** Plays the whole story; `buy: false` leaves them mid-sequence, without an order. */
export async function personWithHistory(cb: Suite, store: { storeId: string; writeKey: string }, opts: { email?: string; buy?: boolean } = {}): Promise<Person> {
  const { storeId, writeKey } = store;
  const shopper = await abandonCart(cb.api, writeKey, { email: opts.email ?? `p-${randomUUID()}@shopper.test` });
  const mails = await eventually('two messages, the second with a code', async () => {
    const got = await mailsTo(cb, storeId, shopper.email);
    return got.length >= 2 && /CB-[A-Z2-9]{8}/.test(got[0]!.html) && got.reverse();
  }, 30_000);
  const code = mails[1]!.html.match(/CB-[A-Z2-9]{8}/)![0];
  assert.equal((await cb.api.get(link(mails[0]!.html, 'o')!)).status, 200, 'open pixel');
  assert.equal((await cb.api.get(link(mails[0]!.html, 'r')!)).status, 302, 'restore link (a click)');
  const orderId = `o-${randomUUID()}`;
  if (opts.buy !== false) {
    const order = await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: shopper.anonymousId, event: 'Order Completed', properties: { order_id: orderId, cart_id: shopper.cartId, total: 788, currency: 'USD', coupon: code } }, writeKey);
    assert.equal(order.status, 200);
  }
  const db = cb.running.services.database.db;
  const run = await db.selectFrom('runs').select(['id', 'contact_id']).where('store_id', '=', storeId).where('cart_id', 'in', db.selectFrom('carts').select('id').where('external_id', '=', shopper.cartId)).executeTakeFirstOrThrow();
  await addRunNote(db, { store_id: storeId, run_id: run.id, contact_id: run.contact_id, node_id: 'email-1', at: Date.now(), kind: 'returned_to_store', until: Date.now() + 60_000 });
  return { email: shopper.email, anonymousId: shopper.anonymousId, cartId: shopper.cartId, contactId: run.contact_id, orderId, code, mails };
}

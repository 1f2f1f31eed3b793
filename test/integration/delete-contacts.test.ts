/**
 * deleteContacts on every database: a list longer than one chunk goes (contacts, identities, carts,
 * events, anonymous activity), and every other contact of the store stays whole.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DELETE_CHUNK, deleteContacts } from '../../src/store/queries/delete-contacts.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const SHOPPERS = DELETE_CHUNK + 50;

for (const dialect of DIALECTS) {
  describe(`deleteContacts on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { env: { CARTBACK_ROLE: 'api' } });

    test(`${SHOPPERS - 20} contacts in chunks of ${DELETE_CHUNK} go with everything about them; 20 stay`, async () => {
      const { id: storeId, writeKey } = (await cb.api.admin<{ id: string; writeKey: string }>('POST', '/stores', { name: 'Erasure Shop' })).body;
      const events = Array.from({ length: SHOPPERS }, (_, i) => [
        { type: 'track', event: 'Product Viewed', anonymousId: `a-${i}`, properties: { sku: 'LENS-35' } },
        { type: 'identify', anonymousId: `a-${i}`, userId: `u-${i}`, traits: { email: `shopper-${i}@example.com` } },
        { type: 'track', event: 'Product Added', anonymousId: `a-${i}`, properties: { cart_id: `c-${i}`, sku: 'LENS-35', price: 349, quantity: 1 } },
      ]).flat();
      for (let i = 0; i < events.length; i += 450) assert.equal((await cb.api.ingest('/batch', { batch: events.slice(i, i + 450) }, writeKey)).status, 200);

      const db = cb.running.services.database.db;
      const idOf = async (i: number) => (await db.selectFrom('identities').select('contact_id').where('store_id', '=', storeId).where('value', '=', `u-${i}`).executeTakeFirstOrThrow()).contact_id;
      const gone = await Promise.all(Array.from({ length: SHOPPERS - 20 }, (_, i) => idOf(i)));
      await db.transaction().execute((tx) => deleteContacts(tx, storeId, gone));

      const count = async (table: 'contacts' | 'identities' | 'carts' | 'events') => (await db.selectFrom(table).select('store_id').where('store_id', '=', storeId).execute()).length;
      assert.deepEqual([await count('contacts'), await count('identities'), await count('carts'), await count('events')], [20, 60, 20, 60]);
      const left = (await db.selectFrom('contacts').select('email').where('store_id', '=', storeId).execute()).map((c) => c.email).sort();
      assert.deepEqual(left, Array.from({ length: 20 }, (_, i) => `shopper-${SHOPPERS - 20 + i}@example.com`).sort());
    });
  });
}

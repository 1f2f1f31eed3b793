/**
 * Concurrent requests on shared carts, on every database: batches that touch the same carts in
 * different orders must all be applied (no deadlock surfacing as a 5xx), and nothing counted twice.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const CARTS = 8;
const REQUESTS = 24;
const EVENTS_PER_REQUEST = 40;

for (const dialect of DIALECTS) {
  describe(`concurrent ingest on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('shuffled batches over shared carts: every request 200, every quantity exact', async () => {
      const store = await cb.api.admin('POST', '/stores', { name: 'Busy shop', templates: false });
      const { id: storeId, writeKey } = store.body;
      const prefix = randomUUID().slice(0, 8);
      const expected = new Map<string, number>();
      const batches = Array.from({ length: REQUESTS }, () =>
        Array.from({ length: EVENTS_PER_REQUEST }, () => {
          const cart = `${prefix}-cart-${Math.floor(Math.random() * CARTS)}`;
          expected.set(cart, (expected.get(cart) ?? 0) + 1);
          return { type: 'track', messageId: randomUUID(), anonymousId: `${cart}-visitor`, event: 'Product Added', properties: { cart_id: cart, sku: 'MUG', name: 'Mug', price: 10, quantity: 1 } };
        }),
      );
      const replies = await Promise.all(batches.map((batch) => cb.api.ingest('/batch', { batch }, writeKey)));
      assert.deepEqual(replies.map((r) => r.status), replies.map(() => 200), JSON.stringify(replies.find((r) => r.status !== 200)?.body));
      const carts = (await cb.api.admin('GET', `/stores/${storeId}/carts?limit=100`)).body as Array<{ external_id: string; item_count: number }>;
      for (const [cart, count] of expected) assert.equal(carts.find((c) => c.external_id === cart)?.item_count, count, cart);
    });
  });
}

/**
 * Paging the carts and contacts lists as the admin app does ("load more"): rows that share one
 * instant must neither be skipped nor repeated at a page boundary, on both databases. The cursor
 * is the last row's time plus its id (`before`, `beforeId`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

type Row = { id: string; last_activity_at?: number; created_at: number };

for (const dialect of DIALECTS) {
  describe(`paging carts and contacts on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('rows of the same instant survive a page boundary', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api);
      // Seven shoppers whose carts all changed at the very same instant, sent in one request (a
      // batch import, say), so their contacts are created at one instant too.
      const at = new Date(Date.now() - 60_000).toISOString();
      const batch = Array.from({ length: 7 }, (_, i) => {
        const anonymousId = `anon-${i}-${randomUUID()}`;
        return [
          { type: 'identify', messageId: randomUUID(), anonymousId, timestamp: at, traits: { email: `tie-${i}@shopper.test` } },
          { type: 'track', event: 'Product Added', messageId: randomUUID(), anonymousId, timestamp: at, properties: { cart_id: `tie-${i}`, sku: 'LENS-35', name: 'Lens', price: 10 + i, quantity: 1 } },
        ];
      }).flat();
      assert.equal((await cb.api.ingest('/batch', { batch }, writeKey)).status, 200);

      const all = async (path: string, time: (r: Row) => number) => {
        const seen: Row[] = [];
        for (let page = 0; page < 10; page++) {
          const last = seen.at(-1);
          const cursor = last ? `&before=${time(last)}&beforeId=${encodeURIComponent(last.id)}` : '';
          const rows = (await cb.api.admin('GET', `/stores/${storeId}/${path}?limit=3${cursor}`)).body as Row[];
          seen.push(...rows);
          if (rows.length < 3) break;
        }
        return seen;
      };
      const carts = await all('carts', (r) => r.last_activity_at!);
      assert.equal(carts.length, 7, 'every cart once');
      assert.equal(new Set(carts.map((c) => c.id)).size, 7, 'none twice');
      const contacts = await all('contacts', (r) => r.created_at);
      assert.equal(new Set(contacts.map((c) => c.id)).size, contacts.length);
      assert.equal(contacts.length, 7);

      // Without beforeId, `before` alone keeps its old meaning: strictly earlier rows only.
      const first = (await cb.api.admin('GET', `/stores/${storeId}/carts?limit=3`)).body as Row[];
      assert.equal(((await cb.api.admin('GET', `/stores/${storeId}/carts?before=${first[2]!.last_activity_at}`)).body as Row[]).length, 0);
    });
  });
}

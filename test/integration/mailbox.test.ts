/** The dev mailbox through the admin API, on both databases: summaries, one message, and paging through mail of the same millisecond. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

for (const dialect of DIALECTS) {
  describe(`mailbox on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('pages by (time, id) never skip or repeat mail delivered in the same millisecond', async () => {
      const store = (await cb.api.admin('POST', '/stores', { name: 'Mail shop', templates: false })).body;
      const at = Date.now();
      const rows = Array.from({ length: 7 }, (_, i) => ({
        store_id: store.id, id: `0000-mail-${i}`, message_id: null, to_address: `s${i}@shopper.test`, from_address: 'shop@shop.test',
        subject: `Mail ${i}`, html: '<p>hi</p>', text: 'hi', headers: '{}', created_at: i < 5 ? at : at - 1000,
      }));
      await cb.running.services.database.db.insertInto('mailbox').values(rows).execute();
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 10; page++) {
        const got = (await cb.api.admin('GET', `/stores/${store.id}/mailbox?summary=true&limit=2${cursor}`)).body as Array<{ id: string; created_at: number; html?: string }>;
        assert.ok(got.every((m) => m.html === undefined), 'summaries carry no bodies');
        seen.push(...got.map((m) => m.id));
        if (got.length < 2) break;
        cursor = `&before=${got.at(-1)!.created_at}&beforeId=${got.at(-1)!.id}`;
      }
      assert.deepEqual([...seen].sort(), rows.map((r) => r.id).sort());
      assert.equal(new Set(seen).size, seen.length);
      const one = await cb.api.admin('GET', `/stores/${store.id}/mailbox/${rows[0]!.id}`);
      assert.equal(one.body.html, '<p>hi</p>');
      assert.equal((await cb.api.admin('GET', `/stores/${store.id}/mailbox/nope`)).status, 404);
    });
  });
}

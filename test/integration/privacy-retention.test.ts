/**
 * Raw-event retention on every database: the engine's pass deletes a store's applied events older
 * than its eventRetention, keeps recent ones and every pending (outbox) event however old, leaves
 * what the events did (contact, cart) in place, and touches nothing in a store that keeps events
 * forever. The setting defaults to P400D and refuses less than a week.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Worker } from '../../src/flows/engine/worker.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`event retention on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    async function storeWithEvents(settings: object) {
      const created = await cb.api.admin('POST', '/stores', { name: `Retention ${randomUUID().slice(0, 6)}`, templates: false, settings });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { id: storeId, writeKey } = created.body;
      const anonymousId = `a-${randomUUID()}`;
      for (const body of [
        { event: 'Product Added', properties: { cart_id: `c-${anonymousId}`, sku: 'LENS-35', price: 349, quantity: 1 } },
        { traits: { email: `${anonymousId}@shopper.test` } },
        { event: 'Cart Viewed', properties: { cart_id: `c-${anonymousId}` } },
      ]) assert.equal((await cb.api.ingest('traits' in body ? '/identify' : '/track', { messageId: randomUUID(), anonymousId, ...body }, writeKey)).status, 200);
      return { storeId, writeKey, anonymousId };
    }

    test('the engine deletes old applied events only; pending ones and what events did stay', async () => {
      const s = cb.running.services;
      const kept = await storeWithEvents({ eventRetention: 'P30D' });
      const forever = await storeWithEvents({ eventRetention: null });
      await s.worker.stop(); // so the next event stays pending
      try {
        assert.equal((await cb.api.ingestAsync('/track', { messageId: randomUUID(), anonymousId: kept.anonymousId, event: 'Product Viewed', properties: {} }, kept.writeKey)).status, 200);
        const db = s.database.db;
        const now = s.clock.now();
        // Age everything 40 days, except the identify (10 days: within the period).
        await db.updateTable('events').set({ received_at: now - 40 * DAY }).where('store_id', 'in', [kept.storeId, forever.storeId]).execute();
        await db.updateTable('events').set({ received_at: now - 10 * DAY }).where('store_id', '=', kept.storeId).where('type', '=', 'identify').execute();

        // A pass of an engine (its own, so its sweep is due at once), without an applier.
        const deps = { db, caps: s.database.caps, clock: s.clock, mailer: s.mailer, signer: s.signer, publicUrl: s.config.publicUrl, owner: 'retention-test', leaseMs: 2000, log: s.log };
        await new Worker(deps, { pollMs: 50, batch: 100, concurrency: 1 }).tick();

        const left = async (storeId: string) => (await db.selectFrom('events').select(['type', 'event', 'applied_at']).where('store_id', '=', storeId).orderBy('received_at').execute()).map((e) => `${e.event ?? e.type}${e.applied_at === null ? ' (pending)' : ''}`).sort();
        assert.deepEqual(await left(kept.storeId), ['Product Viewed (pending)', 'identify']);
        assert.deepEqual(await left(forever.storeId), ['Cart Viewed', 'Product Added', 'identify']);
        const contact = (await cb.api.admin('GET', `/stores/${kept.storeId}/contacts?email=${encodeURIComponent(`${kept.anonymousId}@shopper.test`)}`)).body[0];
        const story = (await cb.api.admin('GET', `/stores/${kept.storeId}/contacts/${contact.id}`)).body;
        assert.equal(story.carts[0].items.length, 1, 'the cart the deleted events built stays');
        assert.deepEqual(story.timeline.filter((e: { kind: string }) => e.kind === 'event').map((e: { summary: string }) => e.summary), ['identify'], 'the timeline shows the events left');
      } finally {
        await s.worker.start();
      }
    });

    test('eventRetention: P400D by default, null keeps forever, less than a week refused', async () => {
      const created = (await cb.api.admin('POST', '/stores', { name: `Retention settings ${randomUUID().slice(0, 6)}` })).body;
      assert.equal(created.settings.eventRetention, 'P400D');
      const patch = (eventRetention: unknown) => cb.api.admin('PATCH', `/stores/${created.id}`, { settings: { eventRetention } });
      const short = await patch('P6D');
      assert.deepEqual([short.status, short.body.error.code], [400, 'invalid_body']);
      assert.match(JSON.stringify(short.body.error.details), /eventRetention must be at least P7D/);
      assert.equal((await patch('P1M')).status, 400, 'months are not a fixed length');
      assert.equal((await patch(null)).body.settings.eventRetention, null);
      assert.equal((await patch('P7D')).body.settings.eventRetention, 'P7D');
    });
  });
}

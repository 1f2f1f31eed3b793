/**
 * Ingest as an outbox, on both databases: acknowledged events apply in arrival order per store,
 * two appliers never apply a store's events together or twice, an event that cannot be applied is
 * set aside without blocking the rest, and (invariant 1) an order acknowledged but not yet applied
 * still stops a send that comes due.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import pino from 'pino';
import { Worker } from '../../src/flows/engine/worker.ts';
import { Applier } from '../../src/ingest/applier.ts';
import { applyOne } from '../../src/ingest/apply.ts';
import { fromStored } from '../../src/ingest/segment.ts';
import { backlog, markApplied, pendingEvents } from '../../src/store/queries/events.ts';
import { getStore } from '../../src/store/queries/stores.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { LENS, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = pino({ level: 'silent' });

for (const dialect of DIALECTS) {
  describe(`outbox on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const applierOf = () => new Applier({ database: cb.running.services.database, clock: cb.running.services.clock, log: silent });
    const cartOf = async (storeId: string, cartId: string) => ((await cb.api.admin('GET', `/stores/${storeId}/carts?q=${cartId}`)).body as Array<{ items: Array<{ sku: string; quantity: number }> }>)[0];

    test('events sent without waiting apply in the order they were acknowledged', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api);
      const cartId = `cart-${randomUUID()}`;
      const anonymousId = `anon-${randomUUID()}`;
      // add, add, remove the line, add, remove the line, add: the result depends on the order
      const steps = ['Product Added', 'Product Added', 'Product Removed', 'Product Added', 'Product Removed', 'Product Added'];
      for (const event of steps) {
        const properties = event === 'Product Added' ? { cart_id: cartId, ...LENS, quantity: 1 } : { cart_id: cartId, sku: LENS.sku };
        const r = await cb.api.ingestAsync('/track', { messageId: randomUUID(), anonymousId, event, properties }, writeKey);
        assert.equal(r.status, 200);
      }
      const cart = await eventually('all six applied', async () => (await backlog(cb.running.services.database.db)).pending === 0 && cartOf(storeId, cartId));
      assert.deepEqual(cart.items.map((i) => [i.sku, i.quantity]), [['LENS-35', 1]]);
    });

    test('a batch applies exactly as the same events one at a time the general way: visitors, identifies, removals, orders mixed', async () => {
      for (const seed of [1, 2, 3]) {
        let x = seed * 7919;
        const rand = (n: number) => (x = (x * 48271) % 2147483647) % n;
        const visitors = ['v1', 'v2', 'v3'].map((v) => `${v}-${seed}-${randomUUID().slice(0, 6)}`);
        const start = Date.now() - 120_000; // recent, and an hour's quiet before any cart counts as abandoned
        const events = Array.from({ length: 60 }, (_, i) => {
          const v = visitors[rand(3)]!;
          const cart = `cart-${v}`;
          const r = rand(10);
          const base = { type: 'track', anonymousId: v, timestamp: new Date(start + i * 1000).toISOString() };
          if (r < 5) return { ...base, event: 'Product Added', properties: { cart_id: cart, sku: `S${rand(3)}`, name: 'n', price: 5, quantity: 1 + rand(2) } };
          if (r < 7) return { ...base, event: 'Product Removed', properties: { cart_id: cart, sku: `S${rand(3)}`, ...(rand(2) ? { quantity: 1 } : {}) } };
          if (r < 8) return { ...base, event: 'Cart Viewed', properties: { cart_id: cart } };
          if (r < 9) return { type: 'identify', anonymousId: v, timestamp: base.timestamp, traits: { email: `${v}@shopper.test`, first_name: `F${i}` } };
          return { ...base, event: 'Order Completed', properties: { order_id: `o-${v}-${i}`, cart_id: cart, total: 10, currency: 'USD' } };
        });
        // v1 identifies before anything else: its cart is born to a known contact.
        events.unshift({ type: 'identify', anonymousId: visitors[0]!, timestamp: new Date(start - 1000).toISOString(), traits: { email: `${visitors[0]}@shopper.test`, first_name: 'First' } });
        const one = await storeWithFlow(cb.api, undefined, { abandonAfter: 'PT1H' });
        const all = await storeWithFlow(cb.api, undefined, { abandonAfter: 'PT1H' });
        // The reference: every event through applyOne, each in its own transaction (no batching).
        const s = cb.running.services;
        await s.worker.stop();
        try {
          assert.equal((await cb.api.ingestAsync('/batch', { batch: events.map((e) => ({ ...e, messageId: randomUUID() })) }, one.writeKey)).status, 200);
          const store = await getStore(s.database.db, one.storeId);
          for (const row of await pendingEvents(s.database.db, one.storeId, 1000)) {
            await s.database.db.transaction().execute(async (tx) => {
              await applyOne(tx, store, row.id, fromStored(row), s.clock.now(), s.database.caps);
              await markApplied(tx, [row.id], s.clock.now());
            });
          }
        } finally {
          await s.worker.start();
        }
        assert.equal((await cb.api.ingest('/batch', { batch: events.map((e) => ({ ...e, messageId: randomUUID() })) }, all.writeKey)).status, 200);
        const state = async (storeId: string) => {
          const carts = (await cb.api.admin('GET', `/stores/${storeId}/carts?limit=500`)).body as Array<Record<string, unknown>>;
          return carts.map((c) => [c.external_id, c.status, c.item_count, c.value, JSON.stringify(c.items), c.email, c.first_name]).sort();
        };
        assert.deepEqual(await state(all.storeId), await state(one.storeId), `seed ${seed}`);
        const unstamped = await cb.running.services.database.db.selectFrom('events').select('id').where('store_id', 'in', [one.storeId, all.storeId]).where('contact_id', 'is', null).where('anonymous_id', 'in', visitors).execute();
        const identified = await cb.running.services.database.db.selectFrom('identities').select('value').where('kind', '=', 'anon').where('value', 'in', visitors).execute();
        if (identified.length === visitors.length * 2) assert.equal(unstamped.length, 0, 'every event of an identified visitor is theirs');
      }
    });

    test('two appliers draining together apply every event once, one store at a time', async () => {
      await cb.running.services.worker.stop(); // the appliers under test are the only ones
      try {
        const { storeId, writeKey } = await storeWithFlow(cb.api);
        const carts = Array.from({ length: 8 }, () => `cart-${randomUUID()}`);
        const batch = Array.from({ length: 400 }, (_, i) => ({ type: 'track', messageId: randomUUID(), anonymousId: `anon-${carts[i % 8]}`, event: 'Product Added', properties: { cart_id: carts[i % 8], ...LENS, quantity: 1 } }));
        assert.equal((await cb.api.ingestAsync('/batch', { batch }, writeKey)).status, 200);
        const [a, b] = await Promise.all([applierOf().drain(), applierOf().drain()]);
        assert.equal(a + b, 400, `applied once each (${a} + ${b})`);
        for (const c of carts) assert.equal((await cartOf(storeId, c))!.items[0]!.quantity, 50);
      } finally {
        await cb.running.services.worker.start();
      }
    });

    test('an event that cannot be applied is set aside with its error; the ones after it apply', async () => {
      await cb.running.services.worker.stop();
      try {
        const { storeId, writeKey } = await storeWithFlow(cb.api);
        const cartId = `cart-${randomUUID()}`;
        const send = (n: number) => cb.api.ingestAsync('/track', { messageId: `m-${cartId}-${n}`, anonymousId: 'a', event: 'Product Added', properties: { cart_id: cartId, ...LENS, quantity: 1 } }, writeKey);
        await send(1);
        await send(2);
        await send(3);
        // A stored event whose payload no longer parses (what a bug or a bad migration could leave).
        await cb.running.services.database.db.updateTable('events').set({ payload: '{"broken' }).where('message_id', '=', `m-${cartId}-2`).execute();
        await applierOf().drain();
        const rows = await cb.running.services.database.db.selectFrom('events').select(['message_id', 'applied_at', 'apply_error']).where('store_id', '=', storeId).orderBy('received_at').execute();
        assert.ok(rows.every((r) => r.applied_at !== null), 'nothing left blocking the store');
        assert.match(rows.find((r) => r.message_id === `m-${cartId}-2`)!.apply_error ?? '', /JSON/);
        assert.equal((await cartOf(storeId, cartId))!.items[0]!.quantity, 2, 'the two good events applied');
      } finally {
        await cb.running.services.worker.start();
      }
    });

    test('invariant 1: an order acknowledged but not yet applied stops the send that comes due', async () => {
      const flow = { name: 'Outbox order', trigger: 'cart_abandoned', nodes: [
        { id: 'trigger', type: 'trigger', event: 'cart_abandoned', next: 'email-1' },
        { id: 'email-1', type: 'send_email', template: 'helpful-1', next: 'end' },
        { id: 'end', type: 'exit' },
      ] };
      const { storeId, writeKey } = await storeWithFlow(cb.api, flow);
      const s = cb.running.services;
      const anonymousId = `anon-${randomUUID()}`;
      const email = `${anonymousId}@shopper.test`;
      const cartId = `cart-${randomUUID()}`;
      await s.worker.stop();
      try {
        await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId, event: 'Product Added', properties: { cart_id: cartId, ...LENS } }, writeKey);
        await cb.api.ingest('/identify', { messageId: randomUUID(), anonymousId, traits: { email } }, writeKey);
        await sleep(1200); // abandonAfter PT1S has passed: the cart is due to be called abandoned
        // The shopper buys; the order is acknowledged (durable) but nothing applies it yet.
        const order = await cb.api.ingestAsync('/track', { messageId: randomUUID(), anonymousId, event: 'Order Completed', properties: { order_id: `o-${randomUUID()}`, cart_id: cartId, total: 349, currency: 'USD' } }, writeKey);
        assert.equal(order.status, 200);
        // An engine pass that has no applier: it enrolls the cart and reaches the send step.
        const engine = new Worker({ db: s.database.db, caps: s.database.caps, clock: s.clock, mailer: s.mailer, signer: s.signer, publicUrl: s.config.publicUrl, owner: 'test-engine', leaseMs: 5000, log: silent }, { pollMs: 50, batch: 10, concurrency: 1, storeId });
        await engine.tick();
        const messages = await s.database.db.selectFrom('messages').selectAll().where('store_id', '=', storeId).execute();
        assert.equal(messages.length, 0, 'no message claimed while the order waits in the outbox');
        const run = await s.database.db.selectFrom('runs').selectAll().where('store_id', '=', storeId).executeTakeFirstOrThrow();
        assert.equal(run.state, 'active');
      } finally {
        await s.worker.start();
      }
      const ended = await eventually('the run ended by the purchase', async () => {
        const run = await s.database.db.selectFrom('runs').selectAll().where('store_id', '=', storeId).executeTakeFirst();
        return run?.state !== 'active' && run;
      });
      assert.equal(ended.exit_reason, 'purchased');
      await sleep(500);
      assert.equal(cb.to(email).length, 0, 'the shopper who bought got nothing');
    });
  });
}

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
import { backlog } from '../../src/store/queries/events.ts';
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

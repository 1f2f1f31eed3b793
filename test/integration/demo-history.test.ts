/**
 * The demo store's simulated history, on every database: a small population played through the
 * real ingest and engine on a virtual clock gives a store whose report has everything (abandoned
 * carts, sends, opens, clicks, recovered orders per step, a holdout) while every invariant holds;
 * then "remove demo data" takes all of it away and leaves a real shopper untouched.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { seedDemoHistory, type HistoryResult } from '../../src/simulate/history.ts';
import { getStore } from '../../src/store/queries/stores.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

interface StepRow { nodeId: string; sent: number; opened: number; clicked: number; recoveredOrders: number }
interface FlowStats { name: string; messagesSent: number; opened: number; clicked: number; recoveredOrders: number; holdout: { entered: number }; treated: { entered: number }; lift: unknown; steps: StepRow[] }

for (const dialect of DIALECTS) {
  describe(`demo history on ${dialect.name}`, { skip: dialect.skip }, () => {
    // No engine of its own in this process: the simulation's worker is the only one on the store.
    const cb = cartbackSuite(dialect, { env: { CARTBACK_ROLE: 'api' } });
    let storeId: string;
    let writeKey: string;
    let seeded: HistoryResult;

    test('a seeded history shows in the report, with every invariant holding', async () => {
      const created = await cb.api.admin<{ id: string; writeKey: string }>('POST', '/stores', { name: 'Simulated Camera Shop', settings: { postalAddress: '1 Demo Street, Springfield' } });
      assert.equal(created.status, 201);
      ({ id: storeId, writeKey } = created.body);
      const s = cb.running.services;
      seeded = await seedDemoHistory(s, await getStore(s.database.db, storeId), { shoppers: 200, days: 10, seed: 3 });
      assert.ok(seeded.messages > 0 && seeded.orders > 0, JSON.stringify(seeded));

      const stats = (await cb.api.admin<{ abandonedCarts: number; reachableCarts: number; flows: FlowStats[] }>('GET', `/stores/${storeId}/stats`)).body;
      assert.ok(stats.abandonedCarts > 0 && stats.reachableCarts > 0 && stats.reachableCarts < stats.abandonedCarts, JSON.stringify(stats));
      const helpful = stats.flows.find((f) => f.name === 'Helpful two-step')!;
      assert.ok(helpful.messagesSent > 0 && helpful.opened > 0 && helpful.clicked > 0, JSON.stringify(helpful));
      assert.ok(helpful.recoveredOrders > 0, 'recovered orders');
      assert.ok(helpful.steps.some((st) => st.recoveredOrders > 0 && ['email-1', 'email-2'].includes(st.nodeId)), 'credited to a step');
      assert.ok(helpful.holdout.entered > 0 && helpful.treated.entered > helpful.holdout.entered, 'a holdout group');
      assert.notEqual(helpful.lift, null);

      const db = s.database.db;
      const soldThenSent = await db
        .selectFrom('messages as m')
        .innerJoin('orders as o', 'o.cart_id', 'm.cart_id')
        .select('m.id')
        .where('m.store_id', '=', storeId)
        .where('m.status', '=', 'sent')
        .whereRef('o.received_at', '<', 'm.created_at')
        .execute();
      assert.deepEqual(soldThenSent, [], 'no message after the purchase was known');
      const twice = await db.selectFrom('messages').select(['run_id', 'node_id']).where('store_id', '=', storeId).groupBy(['run_id', 'node_id']).having((eb) => eb.fn.countAll(), '>', 1).execute();
      assert.deepEqual(twice, [], 'at most one message per (run, node)');
      assert.equal((await db.selectFrom('runs').select('id').where('store_id', '=', storeId).where('state', '=', 'active').execute()).length, 0, 'no run left active');
      assert.equal((await db.selectFrom('carts').select('id').where('store_id', '=', storeId).where('abandon_due_at', 'is not', null).execute()).length, 0, 'no cart left to abandon');
      const kinds = await db.selectFrom('contacts').select('simulated').where('store_id', '=', storeId).execute();
      assert.equal(kinds.length, 200, 'every shopper is a contact');
      assert.ok(kinds.every((c) => c.simulated === 1));
      const mail = await db.selectFrom('messages').select('to_address').where('store_id', '=', storeId).where('status', '=', 'sent').execute();
      assert.ok(mail.every((m) => /@example\.(com|net|org)$/.test(m.to_address ?? '')), 'reserved domains only');
      assert.equal((await db.selectFrom('mailbox').select('id').where('store_id', '=', storeId).execute()).length, 0, 'nothing in the dev mailbox');
    });

    test('the counts, then one DELETE removes the simulated data and keeps a real shopper', async () => {
      const shopper = await abandonCart(cb.api, writeKey);
      const counts = (await cb.api.admin<{ simulatedContacts: number; simulatedOrders: number; simulatedMessages: number }>('GET', `/stores/${storeId}/demo-data`)).body;
      const orders = await cb.running.services.database.db.selectFrom('orders').select('id').where('store_id', '=', storeId).execute();
      assert.equal(counts.simulatedContacts, 200, 'the real shopper is not counted');
      assert.equal(counts.simulatedOrders, orders.length);
      assert.ok(counts.simulatedOrders > 0 && counts.simulatedMessages >= seeded.messages, JSON.stringify(counts));

      const removed = await cb.api.admin<{ removedContacts: number }>('DELETE', `/stores/${storeId}/demo-data`);
      assert.deepEqual(removed.body, { removedContacts: 200 });
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}/demo-data`)).body, { simulatedContacts: 0, simulatedOrders: 0, simulatedMessages: 0 });

      const contacts = (await cb.api.admin<Array<{ email: string; id: string }>>('GET', `/stores/${storeId}/contacts`)).body;
      assert.deepEqual(contacts.map((c) => c.email), [shopper.email], 'only the real shopper is left');
      const carts = (await cb.api.admin<Array<{ external_id: string; item_count: number }>>('GET', `/stores/${storeId}/carts`)).body;
      assert.deepEqual(carts.map((c) => [c.external_id, c.item_count]), [[shopper.cartId, 3]]);
      const stats = (await cb.api.admin<{ abandonedCarts: number; flows: FlowStats[] }>('GET', `/stores/${storeId}/stats`)).body;
      assert.equal(stats.abandonedCarts, 0);
      assert.ok(stats.flows.every((f) => f.messagesSent === 0 && f.recoveredOrders === 0));

      const db = cb.running.services.database.db;
      for (const table of ['runs', 'messages', 'link_events', 'orders', 'discount_codes'] as const) {
        assert.equal((await db.selectFrom(table).select('store_id').where('store_id', '=', storeId).execute()).length, 0, `${table} emptied`);
      }
      const events = await db.selectFrom('events').select('contact_id').where('store_id', '=', storeId).execute();
      assert.ok(events.length === 3 && events.every((e) => e.contact_id === contacts[0]!.id), "only the real shopper's events");
    });

    test('cartback demo remove does the same from a shell; the API is in the OpenAPI document', async () => {
      const s = cb.running.services;
      await seedDemoHistory(s, await getStore(s.database.db, storeId), { shoppers: 20, days: 2, seed: 4 });
      assert.equal((await cb.api.admin<{ simulatedContacts: number }>('GET', `/stores/${storeId}/demo-data`)).body.simulatedContacts, 20);
      const { stdout } = await promisify(execFile)(process.execPath, [path.resolve('bin/cartback.js'), 'demo', 'remove', '--store', storeId], { env: { PATH: process.env.PATH ?? '', ...cb.env.env } });
      assert.match(stdout, /removed 20 simulated contact\(s\)/);
      assert.equal((await cb.api.admin<{ simulatedContacts: number }>('GET', `/stores/${storeId}/demo-data`)).body.simulatedContacts, 0);
      assert.equal((await cb.api.admin<unknown[]>('GET', `/stores/${storeId}/contacts`)).body.length, 1, 'the real shopper stays');

      const doc = (await (await cb.api.get('/docs/json')).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
      const demoData = doc.paths['/api/stores/{storeId}/demo-data']!;
      assert.deepEqual([demoData.get?.tags, demoData.delete?.tags], [['demo data'], ['demo data']]);
    });
  });
}

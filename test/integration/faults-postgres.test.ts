/**
 * PostgreSQL going away under load, with Cartback as a real process. The shared test server is
 * not restarted (other test files use it at the same time): the connections of the process under
 * test are cut instead (pg_terminate_backend, found by application_name), again and again, and for
 * a while new ones are refused (its own role, `connection limit 0`), as a server restart does.
 * Meanwhile shoppers fill carts and are mailed, and some buy. Every answer must be a 200 or a 503
 * `unavailable` (a client retries those, same messageId), Cartback must reconnect by itself, and
 * afterwards: every acknowledged event is stored and applied once, no mail went twice, no due step
 * was lost, and no mail was claimed after a purchase was acknowledged.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { appName, ownPgRole, terminateBackends } from '../harness/faults.ts';
import { spawnCartback, testEnv, type Child } from '../harness/server.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { startSmtp, type SmtpSink } from '../harness/smtp.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const pgDialect = DIALECTS.find((d) => d.name === 'postgres')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL goes away under load', { skip: pgDialect.skip }, () => {
  const closers: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  test('503 unavailable while connections are gone, reconnects, and nothing acknowledged is lost, doubled or sent after a purchase', { timeout: 180_000 }, async () => {
    const role = await ownPgRole();
    closers.push(() => role.cleanup());
    const smtp: SmtpSink = await startSmtp();
    closers.push(() => smtp.close());
    const env = await testEnv(pgDialect, { CARTBACK_SMTP_URL: smtp.url, CARTBACK_DATABASE_URL: role.url });
    closers.push(() => env.cleanup());
    const child: Child = await spawnCartback(env);
    closers.push(() => child.stop());
    const app = appName('all', child.proc.pid!);
    const api = client(env.base);
    const { storeId, writeKey } = await storeWithFlow(api, threeStepFlow('Outage', { wait1: 'PT1S', wait2: 'PT1S' }));

    // The client side of ingest: a 503 is retried with the same messageId; anything else but a 200 fails the test.
    const answers = new Map<number, number>();
    const acked = new Map<string, number>(); // messageId → when its 200 came
    const send = async (path: string, body: Record<string, unknown>): Promise<number> => {
      const event = { messageId: randomUUID(), ...body };
      for (;;) {
        const r = await api.ingestAsync(path, event, writeKey).catch((err: Error) => {
          throw new Error(`no answer (${err.message}); the process said:\n${child.output().slice(-3000)}`);
        });
        answers.set(r.status, (answers.get(r.status) ?? 0) + 1);
        if (r.status === 200) return acked.set(event.messageId, Date.now()).get(event.messageId)!;
        assert.equal(r.status, 503, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
        assert.equal((r.body as { error: { code: string } }).error.code, 'unavailable');
        await sleep(100);
      }
    };

    // Anonymous visitors adding to carts, for as long as the faults last: the applier's load.
    const quantities = new Map<string, number>();
    let faulting = true;
    const visitors = Array.from({ length: 4 }, async (_, lane) => {
      for (let i = 0; faulting || i < 10; i++) {
        const cart = `visit-${lane}-${i % 10}`;
        const quantity = 1 + (i % 3);
        await send('/track', { anonymousId: `anon-${cart}`, event: 'Product Added', properties: { cart_id: cart, sku: `S-${i}`, price: 10, quantity } });
        quantities.set(cart, (quantities.get(cart) ?? 0) + quantity);
      }
    });
    // Identified shoppers who walk away and get mailed; a third of them buy after their first mail.
    const orders = new Map<string, number>(); // email → when the order was acknowledged
    const shoppers = Array.from({ length: 12 }, async (_, i) => {
      const email = `outage-${i}-${randomUUID().slice(0, 8)}@shopper.test`;
      const anonymousId = `anon-${email}`;
      const cartId = `cart-${email}`;
      await send('/track', { anonymousId, event: 'Product Added', properties: { cart_id: cartId, sku: 'LENS', price: 349, quantity: 1 } });
      await send('/identify', { anonymousId, traits: { email } });
      if (i % 3 !== 0) return;
      await eventually(`a first mail to ${email}`, async () => smtp.messages.some((m) => (m.to as { text: string }).text === email), 60_000);
      orders.set(email, await send('/track', { anonymousId, event: 'Order Completed', properties: { order_id: `o-${i}`, cart_id: cartId, total: 349, currency: 'USD' } }));
    });

    // The faults: cut every connection of the process repeatedly; then refuse new ones for a while; then cut again.
    let cuts = 0;
    const cutFor = async (ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until; await sleep(300)) cuts += await terminateBackends(app);
    };
    await cutFor(4000);
    await role.allowConnections(false);
    await terminateBackends(app);
    const before503 = answers.get(503) ?? 0;
    await eventually('503s while PostgreSQL refuses connections', async () => (answers.get(503) ?? 0) > before503, 30_000);
    await sleep(1500);
    await role.allowConnections(true);
    await cutFor(3000);
    faulting = false;
    await Promise.all([...visitors, ...shoppers]);
    assert.ok(cuts > 0, 'connections were cut');

    // Afterwards, read straight from the database (a connection of the test's own).
    const check: Database = openDatabase(loadConfig(env.env).database, { poolSize: 2, role: 'test' });
    closers.push(() => check.close());
    const db = check.db;
    const events = await eventually('every acknowledged event applied', async () => {
      const rows = await db.selectFrom('events').select(['message_id', 'applied_at', 'apply_error']).where('store_id', '=', storeId).execute();
      return rows.length >= acked.size && rows.every((r) => r.applied_at !== null) && rows;
    }, 60_000);
    const stored = new Set(events.map((e) => e.message_id));
    assert.deepEqual([...acked.keys()].filter((id) => !stored.has(id)), [], 'every acknowledged event is stored');
    assert.deepEqual(events.filter((e) => e.apply_error !== null).map((e) => e.apply_error), [], 'no event was set aside because the database was away');
    const carts = await db.selectFrom('carts').select(['external_id', 'item_count']).where('store_id', '=', storeId).where('external_id', 'in', [...quantities.keys()]).execute();
    assert.deepEqual(Object.fromEntries(carts.map((c) => [c.external_id, Number(c.item_count)])), Object.fromEntries(quantities), 'each cart holds what was acknowledged, once');

    // No due step lost: every run ends (three steps for those who did not buy).
    await eventually('every run ended', async () => (await db.selectFrom('runs').select('id').where('store_id', '=', storeId).where('state', '=', 'active').execute()).length === 0, 90_000);
    const runs = await db.selectFrom('runs').select(['id', 'state', 'exit_reason']).where('store_id', '=', storeId).execute();
    assert.equal(runs.length, 12, 'one run per identified shopper');
    const messages = await db.selectFrom('messages').select(['id', 'to_address', 'node_id', 'status', 'created_at']).where('store_id', '=', storeId).execute();
    for (const run of runs.filter((r) => r.exit_reason !== 'purchased')) assert.equal(run.state, 'done', `run ${run.id} completed: ${run.exit_reason}`);
    const nonBuyers = new Set(messages.map((m) => m.to_address).filter((to) => !orders.has(to!)));
    for (const to of nonBuyers) assert.deepEqual(messages.filter((m) => m.to_address === to).map((m) => m.node_id).sort(), ['email-1', 'email-2', 'email-3'], `${to}: every step once`);

    // No mail twice, none claimed after a purchase was acknowledged.
    const ids = smtp.messages.map((m) => m.messageId);
    assert.equal(new Set(ids).size, ids.length, 'no message delivered twice');
    for (const [email, at] of orders) {
      const late = messages.filter((m) => m.to_address === email && Number(m.created_at) > at && m.status !== 'skipped');
      assert.deepEqual(late, [], `nothing claimed for ${email} after the order was acknowledged`);
    }
    const stuck = await db.selectFrom('messages').select(sql<number>`count(*)`.as('n')).where('store_id', '=', storeId).where('status', '=', 'sending').executeTakeFirstOrThrow();
    assert.equal(Number(stuck.n), 0, 'no message left in sending');
    process.stdout.write(`# answers ${JSON.stringify(Object.fromEntries(answers))}, connections cut ${cuts}, mails ${smtp.messages.length}, uncertain ${messages.filter((m) => m.status === 'uncertain').length}\n`);
  });
});

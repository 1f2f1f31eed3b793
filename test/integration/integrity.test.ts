/**
 * The integrity report (GET /api/stores/:id/integrity) on every database: a clean store passes,
 * an order that arrived after the email is a note and not a violation, and messages written after
 * an acknowledged order or an unsubscribe, or acknowledged events that were not stored, fail it.
 * The violations are written straight into the database: the engine itself never makes them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { ClockState } from '../../src/contracts/clock.ts';
import type { IntegrityReport } from '../../src/contracts/integrity.ts';
import { newId } from '../../src/kernel/ids.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite, type Suite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const MIN = 60_000;

async function step(cb: Suite, ms: number): Promise<number> {
  const now = Date.parse((await cb.api.admin<ClockState>('GET', '/clock')).body.now);
  await cb.api.admin('PUT', '/clock', { now: new Date(now + ms).toISOString() });
  const s = await eventually('settled', async () => {
    const c = (await cb.api.admin<ClockState>('GET', '/clock')).body;
    return c.settled && c;
  });
  return Date.parse(s.now);
}

for (const dialect of DIALECTS) {
  describe(`integrity report on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true, env: { CARTBACK_CLOCK: 'virtual' } });

    test('passes on what the engine did, notes a late order, and fails on what it must never do', async () => {
      const from = Date.parse((await cb.api.admin<ClockState>('GET', '/clock')).body.now) - 1;
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Integrity', { wait1: 'PT1H', wait2: 'PT1H' }), { abandonAfter: 'PT30M' });
      const a = await abandonCart(cb.api, writeKey);
      const b = await abandonCart(cb.api, writeKey);
      const c = await abandonCart(cb.api, writeKey);
      const leftAt = await step(cb, 0);
      await step(cb, 31 * MIN);
      assert.equal(cb.smtp.messages.length, 3, 'each got the first email');

      const order = (who: { anonymousId: string; cartId: string }, timestamp?: string) =>
        cb.api.ingest('/track', { messageId: `int-${randomUUID()}`, anonymousId: who.anonymousId, event: 'Order Completed', ...(timestamp ? { timestamp } : {}), properties: { order_id: `o-${randomUUID()}`, cart_id: who.cartId, total: 100 } }, writeKey);
      assert.equal((await order(a)).status, 200);
      // B bought before the email was sent, but the order reaches Cartback only now.
      assert.equal((await order(b, new Date(leftAt + 10 * MIN).toISOString())).status, 200);
      const unsubscribe = (cb.to(c.email)[0]!.html as string).match(/href="([^"]*\/u\/[^"]+)"/)![1]!;
      assert.equal((await fetch(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status, 200);
      const to = (await step(cb, MIN)) + 1;

      const report = async (query = '') => {
        const r = await cb.api.admin<IntegrityReport>('GET', `/stores/${storeId}/integrity?from=${new Date(from).toISOString()}&to=${new Date(to + 10 * MIN).toISOString()}${query}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body;
      };
      const clean = await report();
      assert.equal(clean.ok, true, JSON.stringify(clean.checks));
      assert.equal(clean.messagesSent, 3);
      assert.equal(clean.notes.sentBeforeLateOrder, 1, "B's email came before B's order arrived: a note");
      assert.deepEqual(clean.events, { stored: clean.events.stored, pending: 0, failed: 0, acknowledged: null });
      assert.ok(clean.events.stored >= 3 * 3 + 2);
      const counted = await report('&messagePrefix=int-');
      assert.equal(counted.events.stored, 2, 'only the events whose messageId starts with the prefix');

      // What the engine never does, written by hand: a second email to A after A's order, one to C after the unsubscribe.
      const { db } = cb.running.services.database;
      const now = cb.running.services.clock.now();
      for (const email of [a.email, c.email]) {
        const m = await db.selectFrom('messages').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
        await db.insertInto('messages').values({ ...m, id: newId(), node_id: 'email-2', created_at: now, sent_at: now }).execute();
        await assert.rejects(db.insertInto('messages').values({ ...m, id: newId() }).execute(), 'the unique key refuses a second message for one (run, step)');
      }
      const broken = await report('&messagePrefix=int-&acknowledged=5');
      assert.equal(broken.ok, false);
      assert.equal(broken.checks.sentAfterPurchase.count, 1);
      const ex = broken.checks.sentAfterPurchase.examples[0]!;
      assert.equal(ex.nodeId, 'email-2');
      assert.ok(Date.parse(ex.acknowledgedAt) < Date.parse(ex.sentAt));
      assert.equal(broken.checks.sentAfterOptOut.count, 1);
      assert.ok(broken.checks.sentAfterOptOut.examples[0]!.unsubscribedAt);
      assert.deepEqual(broken.checks.duplicateSends, { ok: true, count: 0, examples: [] });
      assert.deepEqual(broken.checks.eventsLost, { ok: false, count: 3 }, '5 acknowledged, 2 stored');
      assert.equal(broken.notes.sentBeforeLateOrder, 1);

      const bad = await cb.api.admin('GET', `/stores/${storeId}/integrity?acknowledged=-1`);
      assert.equal(bad.status, 400);
    });
  });
}

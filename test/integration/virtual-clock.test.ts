/**
 * The virtual clock (CARTBACK_CLOCK=virtual) and GET/PUT /api/clock, on every database: time moves
 * only forward, due work waits for virtual time and runs as soon as it has come (never early), the
 * settled state tells a driver when everything due is done, and the offset survives a restart.
 * On the system clock the API refuses with 409 clock_not_virtual.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClockState } from '../../src/contracts/clock.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { launchIn } from '../harness/server.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite, type Suite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

async function clock(cb: Suite): Promise<ClockState> {
  const r = await cb.api.admin<ClockState>('GET', '/clock');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function advance(cb: Suite, t: number): Promise<ClockState> {
  const r = await cb.api.admin<ClockState>('PUT', '/clock', { now: new Date(t).toISOString() });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const settled = (cb: Suite) => eventually('the deployment to settle', async () => {
  const s = await clock(cb);
  return s.settled && s;
});

for (const dialect of DIALECTS) {
  describe(`virtual clock on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true, env: { CARTBACK_CLOCK: 'virtual' } });

    test('GET tells the time and that nothing is due; PUT moves time forward, never back', async () => {
      const first = await clock(cb);
      assert.equal(first.virtual, true);
      assert.equal(first.settled, true);
      assert.equal(first.pendingEvents, 0);
      assert.equal(first.nextDueAt, null);
      assert.ok(Math.abs(Date.parse(first.now) - Date.now()) < 60_000, 'a new deployment starts at real time');

      const target = Date.parse(first.now) + 24 * HOUR;
      const moved = await advance(cb, target);
      assert.ok(Date.parse(moved.now) >= target);
      assert.ok(moved.offsetMs >= 24 * HOUR - 60_000);
      const back = await advance(cb, target - HOUR);
      assert.ok(Date.parse(back.now) >= Date.parse(moved.now), 'an instant in the past changes nothing');
      assert.equal(back.offsetMs, moved.offsetMs);

      const bad = await cb.api.admin('PUT', '/clock', { now: 'tomorrow' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_body');
    });

    test('a wait ends in virtual time: nothing is sent before it, the step runs once it has come', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Clock flow', { wait1: 'PT1H', wait2: 'PT1H' }), { abandonAfter: 'PT30M' });
      const before = Date.parse((await clock(cb)).now);
      await abandonCart(cb.api, writeKey);
      const quiet = await settled(cb);
      const due = Date.parse(quiet.nextDueAt!);
      assert.ok(due >= before + 30 * MIN && due <= Date.parse(quiet.now) + 30 * MIN, `the cart is due 30 virtual minutes after its last event, not ${quiet.nextDueAt}`);

      await advance(cb, due - MIN);
      await settled(cb);
      await new Promise((r) => setTimeout(r, 300)); // room for a wrong early send to show up
      assert.equal(cb.smtp.messages.length, 0, 'nothing before the cart is abandoned');

      await advance(cb, due);
      const afterFirst = await settled(cb);
      assert.equal(cb.smtp.messages.length, 1, 'the first email once the cart went quiet');
      const next = Date.parse(afterFirst.nextDueAt!);
      assert.ok(next - due >= HOUR && next - due < HOUR + MIN, 'the second email is due an hour of virtual time later');

      await advance(cb, next);
      await settled(cb);
      assert.equal(cb.smtp.messages.length, 2);
    });

    test('the offset is kept in the database: a restarted deployment does not go back in time', async () => {
      const before = Date.parse((await clock(cb)).now);
      await cb.running.app.close();
      cb.running = await launchIn(cb.env);
      assert.ok(Date.parse((await clock(cb)).now) >= before);
    });
  });
}

describe('system clock', () => {
  const cb = cartbackSuite(DIALECTS[0]!);

  test('GET and PUT /api/clock answer 409 clock_not_virtual, and both are in the API reference', async () => {
    for (const method of ['GET', 'PUT']) {
      const r = await cb.api.admin(method, '/clock', method === 'PUT' ? { now: new Date().toISOString() } : undefined);
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'clock_not_virtual');
    }
    const doc = (await (await cb.api.get('/docs/json')).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/clock']);
    assert.ok(doc.paths['/api/stores/{storeId}/integrity']);
  });
});

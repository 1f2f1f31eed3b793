/**
 * `cartback simulate` as an operator runs it, against a Cartback launched on a virtual clock, on
 * every database: 300 shoppers over 4 virtual days through the "Classic three-step" flow; the
 * report has abandoned carts, mails, opens, recovered orders, and every invariant holds. Against a
 * Cartback on the system clock it refuses, with exit code 2.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import type { Report } from '../../src/simulate/driver/report.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { ADMIN_TOKEN } from '../harness/server.ts';
import { cartbackSuite } from '../harness/suite.ts';

const run = promisify(execFile);

async function simulate(base: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.resolve('bin/cartback.js'), 'simulate', '--url', base, '--token', ADMIN_TOKEN, '--no-progress', ...args], { env: { PATH: process.env.PATH ?? '' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

for (const dialect of DIALECTS) {
  describe(`cartback simulate on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { env: { CARTBACK_CLOCK: 'virtual' } });

    test('300 shoppers over 4 days: carts abandoned, mails, opens, recovered orders, every invariant holds', async () => {
      const file = path.join(cb.env.env.CARTBACK_DATA_DIR!, 'simulation.json');
      const r = await simulate(cb.env.base, ['--shoppers', '300', '--days', '4', '--tail-days', '1', '--seed', '7', '--report', file]);
      assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /all invariants hold/);
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
      const f = report.figures;
      assert.equal(f.carts, 300);
      assert.ok(f.abandoned > 150, `abandoned ${f.abandoned}`);
      assert.ok(f.messages > 150, `messages ${f.messages}`);
      assert.ok(f.opened > 50 && f.opened < f.messages, `opened ${f.opened}`);
      assert.ok(f.clicked > 0);
      assert.ok(f.recoveredOrders > 0 && f.recoveredRevenue > 0);
      assert.ok(report.lift, 'a holdout group to compare with');
      const s = report.simulator;
      assert.equal(s.mailsReceived, f.messages, 'every message Cartback sent reached the simulator');
      assert.ok(s.opens >= f.opened, 'opens were real requests to the pixel');
      assert.ok(s.retriedDeliveries > 0 && s.lateDeliveries > 0, 'duplicate and late deliveries were played');
      assert.ok(s.eventsAcknowledged >= 300 * 3);
      assert.equal(report.integrity.events.stored, s.eventsAcknowledged);
      assert.deepEqual(report.invariants.map((i) => [i.id, i.ok]), [['noMessageAfterPurchase', true], ['oneMessagePerRunAndStep', true], ['noMessageAfterUnsubscribe', true], ['nothingLost', true]]);
      assert.deepEqual(report.store.waits, ['PT9M', 'PT394M', 'PT823M'], "the ready flow's waits, shortened to fit 4 days");
    });
  });
}

describe('cartback simulate against the system clock', () => {
  const cb = cartbackSuite(DIALECTS[0]!);

  test('refuses with exit code 2 and says how to start a simulation server', async () => {
    const r = await simulate(cb.env.base, ['--shoppers', '10', '--days', '1', '--report', path.join(cb.env.env.CARTBACK_DATA_DIR!, 'no.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /system clock.*CARTBACK_CLOCK=virtual/);
    assert.equal((await cb.api.admin('GET', '/stores')).body.length, 0, 'nothing was created');
  });
});

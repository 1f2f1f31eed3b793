/**
 * The scale test of CI, on PostgreSQL only: a split deployment (1 `--role api`, 2 `--role worker`
 * processes) on a virtual clock, driven by `cartback simulate` with 10,000 shoppers through the
 * "Classic three-step" flow over 4 virtual days in 15-minute steps; partway, one worker is killed with SIGKILL and
 * started again. Every invariant must hold: nothing sent after a purchase or an unsubscribe, at
 * most one message per (run, step), every acknowledged event stored and applied. Timings are
 * printed (they are measured here, never asserted).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Report } from '../../src/simulate/driver/report.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { ADMIN_TOKEN, freePort, spawnCartback, testEnv, type Child, type TestEnv } from '../harness/server.ts';

const SHOPPERS = 10_000;
const KILL_AT = 3_500; // shoppers arrived when the worker is killed: well into the flows' sends
const pg = DIALECTS.find((d) => d.name === 'postgres')!;

describe('scale on PostgreSQL: 1 api and 2 worker processes, 10,000 simulated shoppers, a worker killed and restarted', { skip: pg.skip && `${pg.skip} (this test runs on PostgreSQL only)` }, () => {
  const open: Array<Child | TestEnv> = [];
  after(async () => {
    for (const o of open.reverse()) await ('stop' in o ? o.stop() : o.cleanup());
  });

  test('every invariant holds', { timeout: 15 * 60_000 }, async () => {
    const t0 = Date.now();
    const ms = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    // Workers poll often: a step's events are noticed by a poll (only a clock advance wakes them at once).
    const env = await testEnv(pg, { CARTBACK_CLOCK: 'virtual', CARTBACK_POLL_MS: '20', CARTBACK_LEASE_MS: '5000' });
    open.push(env);
    open.push(await spawnCartback(env, { role: 'api' }));
    const worker = async () => spawnCartback(env, { role: 'worker', env: { CARTBACK_PORT: String(await freePort()) } });
    const first = await worker();
    open.push(first, await worker());
    const ready = ms();

    const file = path.join(env.env.CARTBACK_DATA_DIR!, 'scale.json');
    const sim = spawn(process.execPath, [
      path.resolve('bin/cartback.js'), 'simulate', '--url', env.base, '--token', ADMIN_TOKEN,
      '--shoppers', String(SHOPPERS), '--days', '4', '--tail-days', '1', '--step', '15', '--seed', '11', '--report', file,
    ], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = '';
    let restarted = '';
    const restart = new Promise<void>((resolve, reject) => {
      sim.stderr!.on('data', (d: Buffer) => {
        stderr += d;
        const arrived = [...stderr.matchAll(/shoppers ([\d,]+)\//g)].map((m) => Number(m[1]!.replaceAll(',', ''))).pop() ?? 0;
        if (killed || arrived < KILL_AT) return;
        killed = ms();
        first.kill9()
          .then(() => new Promise((r) => setTimeout(r, 2000)))
          .then(worker)
          .then((again) => {
            open.push(again);
            restarted = ms();
            resolve();
          }, reject);
      });
    });
    sim.stdout!.on('data', (d: Buffer) => (stdout += d));
    const code = await new Promise<number | null>((r) => sim.once('exit', r));
    const done = ms();

    const report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Report) : null;
    process.stdout.write(`scale-postgres: processes ready at ${ready}; worker killed at ${killed || 'never'}, restarted at ${restarted || 'never'}; simulate done at ${done} (${report ? `${(report.wall.ms / 1000).toFixed(1)} s of play, ${report.wall.steps} steps` : 'no report'})\n${stdout}`);
    assert.equal(code, 0, `simulate failed:\n${stdout}\n${stderr.split('\n').slice(-20).join('\n')}`);
    assert.ok(killed && restarted, 'a worker was killed and restarted while shoppers were still arriving');
    await restart;
    assert.ok(report);
    assert.deepEqual(report.invariants.filter((i) => !i.ok), []);
    assert.ok(report.figures.messages > 5_000, `messages ${report.figures.messages}`);
    assert.equal(report.simulator.shoppersArrived, SHOPPERS);
  });
});

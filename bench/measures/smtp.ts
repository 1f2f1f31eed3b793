/**
 * Emails sent per second to a local SMTP sink: Cartback's smtpMailer beside raw nodemailer with the
 * same pool (smtp-child.ts: both sides in alternating slices of one sender process per repeat).
 * One sink process serves the whole measure; its count must match what the senders had accepted.
 * Knobs: BENCH_SMTP_POOL (5), BENCH_SMTP_INFLIGHT (8), BENCH_SMTP_WARMUP_MS (1000 per side),
 * BENCH_SMTP_MS (3000 per side).
 */
import type { ChildProcess } from 'node:child_process';
import { fmt, ratioOf, stats } from '../report.ts';
import { forkTs, runChild } from './child.ts';
import { num, type Measure } from './harness.ts';
import type { SmtpSample, SmtpSideResult } from './smtp-child.ts';

export const smtpSettings = {
  pool: num('BENCH_SMTP_POOL', 5),
  inflight: num('BENCH_SMTP_INFLIGHT', 8),
  warmupMs: num('BENCH_SMTP_WARMUP_MS', 1000),
  durationMs: num('BENCH_SMTP_MS', 3000),
};
const MIN_RATIO = 0.8;

function ask<T>(child: ChildProcess, message: string | null, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Record<string, T>) => {
      if (!(key in m)) return;
      child.off('message', onMessage);
      resolve(m[key]!);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`SMTP sink exited (code ${code})`)));
    if (message) child.send(message);
  });
}

export const smtp: Measure = {
  key: 'smtp',
  steps: (ctx) => ctx.repeat,
  async run(ctx) {
    const sink = forkTs('smtp-sink.ts', []);
    try {
      const port = await ask<number>(sink, null, 'port');
      const s = smtpSettings;
      const args = [`smtp://127.0.0.1:${port}`, String(s.pool), String(s.inflight), String(s.warmupMs), String(s.durationMs)];
      const runs: SmtpSample[] = [];
      for (let rep = 1; rep <= ctx.repeat; rep++) {
        const done = ctx.step(`smtp cartback and baseline, alternating #${rep}`);
        const r = await runChild<SmtpSample>('smtp-child.ts', args);
        for (const x of [r.ours, r.baseline]) if (x.failed) console.warn(`  ! ${x.failed} send(s) failed, first: ${x.firstError}`);
        runs.push(r);
        done(`cartback ${fmt(r.ours.perSec)} emails/s, baseline ${fmt(r.baseline.perSec)} emails/s (${r.ours.failed + r.baseline.failed} failed)`);
      }
      const accepted = runs.reduce((n, r) => n + r.accepted, 0);
      const received = await ask<number>(sink, 'count', 'count');
      if (received !== accepted) console.warn(`  ! the senders had ${accepted} messages accepted, the sink counted ${received}`);
      const samples = { ours: runs.map((r) => r.ours), baseline: runs.map((r) => r.baseline) };
      const ours = stats(samples.ours.map((x) => x.perSec));
      const baseline = stats(samples.baseline.map((x) => x.perSec));
      const ratio = ratioOf(ours, baseline);
      const failed = (xs: SmtpSideResult[]) => xs.reduce((n, x) => n + x.failed, 0);
      return [{
        key: 'smtp', measure: 'emails sent per second to a local SMTP sink', dialect: '—', unit: 'emails/s', ours, baseline, ratio, compare: `${ratio.toFixed(2)}×`,
        target: { text: `≥ ${MIN_RATIO}× baseline`, minRatio: MIN_RATIO }, meetsTarget: ratio >= MIN_RATIO,
        note: `pool ${s.pool}, ${s.inflight} in flight; failed ${failed(samples.ours)} / ${failed(samples.baseline)}; sink counted ${received === accepted ? 'every accepted message' : `${received} of ${accepted}`}`,
        samples,
      }];
    } finally {
      sink.send('stop');
    }
  },
};

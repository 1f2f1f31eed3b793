/**
 * DESIGN.md §7 "due-step lag, 1M pending runs": how late real Cartback workers (`--role worker`, own
 * processes) step runs that come due at a steady rate while a million are pending, beside a bare
 * claim loop on the same table. SQLite with one worker; PostgreSQL with one and with two. See
 * bench/README.md for the method.
 *
 * Knobs: BENCH_RUNS (1,000,000 pending runs, the window's included), BENCH_DUE_RATE (1,500 runs
 * due per second), BENCH_DUE_SECONDS (5: the measured window), BENCH_DUE_WARMUP_S (2: the same
 * stream before it, not counted: a fresh worker process starts cold), BENCH_POLL_MS (200, Cartback's default),
 * BENCH_DUE_GRACE_MS (10,000: how long after the last due time a run may still be stepped before
 * it counts as lost); BENCH_REPEAT as every measure.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/store/db.ts';
import type { DB } from '../../src/store/schema.ts';
import { BENCH_PG_URL, type DialectName } from '../dialects.ts';
import { countStepped, countTouchedTail, insertWindow, makeTemplate, readWindow, type Template } from '../duelag/database.ts';
import { lagRow, lagSample, type LagSample } from '../duelag/report.ts';
import type { ResultRow } from '../report.ts';
import { startServer } from '../spawn.ts';
import { alternate, num, type Measure, type Side } from './harness.ts';

export const dueLagSettings = {
  runs: num('BENCH_RUNS', 1_000_000),
  rate: num('BENCH_DUE_RATE', 1500),
  seconds: num('BENCH_DUE_SECONDS', 5),
  warmupSeconds: num('BENCH_DUE_WARMUP_S', 2),
  pollMs: num('BENCH_POLL_MS', 200),
  graceMs: num('BENCH_DUE_GRACE_MS', 10_000),
};
type Settings = typeof dueLagSettings;

/** the window's first due time is this far after its runs are inserted (workers already running) */
const LEAD_MS = 1000;
const MEASURE = 'due-step lag, 1M pending runs';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every window run was stepped after the last due time, or the grace period ends; shows progress. */
async function watch(db: Kysely<DB>, s: Settings, o: { due: number; firstDue: number; lastDue: number }): Promise<void> {
  const { due, firstDue, lastDue } = o;
  const tty = process.stdout.isTTY;
  for (;;) {
    await sleep(500);
    const now = Date.now();
    const stepped = await countStepped(db);
    const dueNow = Math.max(0, Math.min(due, Math.floor(((now - firstDue) * s.rate) / 1000) + 1));
    if (tty) process.stdout.write(`\r  ${stepped.toLocaleString('en-US')} of ${dueNow.toLocaleString('en-US')} due stepped   `);
    if ((now > lastDue && stepped >= due) || now > lastDue + s.graceMs) break;
  }
  if (tty) process.stdout.write('\r\x1b[K');
}

async function measureOnce(kind: Side, t: Template, workers: number, s: Settings): Promise<LagSample> {
  const copy = await t.copy();
  const open = openDatabase(copy.database, { poolSize: 2 });
  try {
    const script = kind === 'ours' ? 'engine-worker' : 'claim-loop';
    const starts = await Promise.allSettled(Array.from({ length: workers }, () => startServer(script, copy)));
    const procs = starts.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
    const notStarted = starts.find((x) => x.status === 'rejected');
    if (notStarted) {
      await Promise.allSettled(procs.map((p) => p.stop())); // not left running on a database about to be dropped
      throw notStarted.reason;
    }
    const due = Math.round(s.rate * (s.warmupSeconds + s.seconds));
    const firstDue = Date.now() + LEAD_MS;
    const measureFrom = firstDue + s.warmupSeconds * 1000;
    const ran = await insertWindow(open.db, t, { n: due, firstDue, rate: s.rate })
      .then(() => watch(open.db, s, { due, firstDue, lastDue: firstDue + Math.floor(((due - 1) * 1000) / s.rate) }))
      .then(() => null, (err: unknown) => err);
    // Every process is stopped (or killed) before the copy is dropped under it, even if one failed.
    const failed = (await Promise.allSettled(procs.map((p) => p.stop()))).find((x) => x.status === 'rejected');
    if (ran || failed) throw ran ?? failed!.reason;
    return lagSample(await readWindow(open.db), await countTouchedTail(open.db), measureFrom);
  } finally {
    await open.close();
    await copy.cleanup();
  }
}

const CONFIGS: Array<{ dialect: DialectName; workers: number }> = [
  { dialect: 'sqlite', workers: 1 },
  { dialect: 'postgres', workers: 1 },
  { dialect: 'postgres', workers: 2 },
];

const show = (x: LagSample) =>
  `p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms; ${x.stepped.toLocaleString('en-US')}/${x.due.toLocaleString('en-US')} stepped; early ${x.early}, lost ${x.lost}, doubled ${x.doubled} (warm-up p99 ${x.warmupP99Ms} ms)`;

/** Fills a template per dialect (one progress step each), then measures every configuration. */
export const dueLag: Measure = {
  key: 'duelag',
  steps: (ctx) => ctx.dialects.length + CONFIGS.filter((c) => ctx.dialects.includes(c.dialect)).length * ctx.repeat * 2,
  async run(ctx) {
    const s = dueLagSettings;
    process.env.BENCH_POLL_MS = String(s.pollMs); // read by the worker processes
    const rows: ResultRow[] = [];
    const templates = new Map<DialectName, Template>();
    try {
      for (const c of CONFIGS.filter((x) => ctx.dialects.includes(x.dialect))) {
        let t = templates.get(c.dialect);
        if (!t) {
          const started = Date.now();
          const done = ctx.step(`${c.dialect} duelag: template with ${s.runs.toLocaleString('en-US')} pending runs`);
          t = await makeTemplate(c.dialect, { pgUrl: BENCH_PG_URL, pending: s.runs - Math.round(s.rate * (s.warmupSeconds + s.seconds)), rate: s.rate });
          templates.set(c.dialect, t);
          done(`filled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
        const tpl = t;
        const what = `${c.dialect} duelag ${c.workers} worker${c.workers > 1 ? 's' : ''}`;
        const samples = await alternate(ctx, what, (side) => measureOnce(side, tpl, c.workers, s), show);
        rows.push(lagRow(MEASURE, c.dialect, c.workers, samples.ours, samples.baseline));
      }
    } finally {
      for (const t of templates.values()) await t.drop();
    }
    return rows;
  },
};

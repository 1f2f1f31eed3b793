/**
 * Ingest p99 latency at a fixed offered load, open loop (bench/open-loop.ts): one `Product Added`
 * per POST /v1/track, BENCH_LATENCY_RATE (5000) requests/s over BENCH_LATENCY_CONNECTIONS (32)
 * keep-alive connections, spread over BENCH_LATENCY_CARTS (1000) shoppers' carts, every messageId
 * unique. Cartback beside the bare route (bench/servers/baseline.ts), each in its own process over a
 * fresh database. Knobs also: BENCH_LATENCY_WARMUP_MS (1000), BENCH_LATENCY_MS (3000),
 * BENCH_LATENCY_DRAIN_MS (1000), BENCH_LATENCY_APPLY_MS (1000).
 *
 * Cartback answers once an event is stored and applies it later (the outbox): a fast answer with a
 * backlog that only grows would not be sustainable. So after the load, the events still waiting to
 * be applied are counted, and again BENCH_LATENCY_APPLY_MS later, which gives the applier's pace.
 */
import { sql } from 'kysely';
import type { Config } from '../../src/config/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import { freshDb, type DialectName } from '../dialects.ts';
import { runOpenLoop, type OpenLoopResult } from '../open-loop.ts';
import { fmt, signed, stats } from '../report.ts';
import { startServer } from '../spawn.ts';
import { workload } from '../workload.ts';
import { alternate, num, round1, type Measure, type Side } from './harness.ts';
import { createStore } from './store.ts';

export const latencySettings = {
  rate: num('BENCH_LATENCY_RATE', 5000),
  connections: num('BENCH_LATENCY_CONNECTIONS', 32),
  carts: num('BENCH_LATENCY_CARTS', 1000),
  warmupMs: num('BENCH_LATENCY_WARMUP_MS', 1000),
  durationMs: num('BENCH_LATENCY_MS', 3000),
  drainMs: num('BENCH_LATENCY_DRAIN_MS', 1000),
  applyMs: num('BENCH_LATENCY_APPLY_MS', 1000),
};
const SLACK_MS = 5;

/** appliedPerSec is a lower bound when `cleared` (the backlog ran out before the second count) */
interface Backlog { pendingAtEnd: number; appliedPerSec: number; cleared: boolean }
type LatencySample = Omit<OpenLoopResult, 'firstError'> & { noneLost: boolean; backlog: Backlog | null };

/** Events stored but not yet applied, counted twice `applyMs` apart; null before the outbox (no applied_at). */
async function applyBacklog(database: Config['database'], applyMs: number): Promise<Backlog | null> {
  const d = openDatabase(database, { poolSize: 1 });
  const pending = async () => Number((await sql<{ n: number }>`select count(*) as n from events where applied_at is null`.execute(d.db)).rows[0]!.n);
  try {
    const first = await pending();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, first ? applyMs : 0));
    const second = await pending();
    return { pendingAtEnd: first, appliedPerSec: first ? Math.round((first - second) / ((performance.now() - t0) / 1000)) : 0, cleared: second === 0 };
  } catch {
    return null;
  } finally {
    await d.close();
  }
}

async function once(side: Side, dialect: DialectName): Promise<LatencySample> {
  const db = await freshDb(dialect);
  try {
    const server = await startServer(side, db);
    const user = side === 'ours' ? await createStore(server.port) : 'baseline';
    const w = workload(latencySettings.carts);
    const { firstError, ...r } = await runOpenLoop({ port: server.port, path: '/v1/track', user, body: w.track, ...latencySettings });
    const backlog = side === 'ours' ? await applyBacklog(db.database, latencySettings.applyMs) : null;
    const rows = await server.stop();
    if (r.errors) console.warn(`  ! ${r.errors} error(s), first: ${firstError}`);
    // Requests still in flight when the drain time ran out may be stored without their answer being
    // read, so more rows than acknowledgements is fine; fewer would be a lost event.
    if (rows < r.acked) console.warn(`  ! ${r.acked} events acknowledged but only ${rows} rows stored`);
    return { ...r, p50Ms: round1(r.p50Ms), p99Ms: round1(r.p99Ms), maxMs: round1(r.maxMs), sendLagP99Ms: round1(r.sendLagP99Ms), noneLost: rows >= r.acked, backlog };
  } finally {
    await db.cleanup();
  }
}

const backlogText = (b: Backlog) =>
  b.cleared ? `${fmt(b.pendingAtEnd)} events left to apply, all applied within ${latencySettings.applyMs / 1000} s` : `${fmt(b.pendingAtEnd)} events left to apply, applied at ${fmt(b.appliedPerSec)}/s`;

export const latency: Measure = {
  key: 'latency',
  steps: (ctx) => ctx.dialects.length * ctx.repeat * 2,
  async run(ctx) {
    const rows = [];
    const s = latencySettings;
    for (const dialect of ctx.dialects) {
      const samples = await alternate(ctx, `${dialect} latency`, (side) => once(side, dialect), (x) =>
        `p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms; ${fmt(x.missed)} of ${fmt(x.scheduled)} missed; queue ≤ ${fmt(x.maxQueue)}; answered ${fmt(x.answeredPerSec)}/s${x.backlog ? `; ${backlogText(x.backlog)}` : ''}`);
      const ours = stats(samples.ours.map((x) => x.p99Ms), 1);
      const baseline = stats(samples.baseline.map((x) => x.p99Ms), 1);
      const med = (xs: LatencySample[], f: (x: LatencySample) => number) => stats(xs.map(f), 1).median;
      const side = (xs: LatencySample[]) =>
        `p50 ${fmt(med(xs, (x) => x.p50Ms))} ms, max ${fmt(med(xs, (x) => x.maxMs))} ms, missed ${fmt(med(xs, (x) => x.missed))}, answered ${fmt(med(xs, (x) => x.answeredPerSec))}/s`;
      const diff = round1(ours.median - baseline.median);
      const overloaded = med(samples.baseline, (x) => x.missed) > 0 ? 'the baseline did not keep up either (this machine could not carry the load during the run, so the comparison says little); ' : '';
      const backlogs = samples.ours.flatMap((x) => (x.backlog ? [x.backlog] : []));
      const applier = backlogs.length ? `; after the load: ${backlogs.map(backlogText).join(' / ')}` : '';
      rows.push({
        key: 'latency', measure: `ingest p99 latency at ${fmt(s.rate)} events/s, open loop`, dialect, unit: 'ms p99', ours, baseline,
        ratio: Math.round((ours.median / baseline.median) * 100) / 100, compare: `${signed(diff)} ms`,
        // A server that did not keep up (missed requests) has no steady-state latency to compare:
        // its p99 is only a lower bound. Such a row is not met, whatever the baseline did.
        target: { text: `≤ baseline + ${SLACK_MS} ms`, slackMs: SLACK_MS },
        meetsTarget: ours.median <= baseline.median + SLACK_MS && med(samples.ours, (x) => x.missed) === 0,
        note: `${overloaded}medians: Cartback ${side(samples.ours)}${applier}; baseline ${side(samples.baseline)}; of ${fmt(samples.ours[0]?.scheduled ?? 0)} requests; generator lag p99 ≤ ${Math.max(...[...samples.ours, ...samples.baseline].map((x) => x.sendLagP99Ms))} ms`,
        samples,
      });
    }
    return rows;
  },
};

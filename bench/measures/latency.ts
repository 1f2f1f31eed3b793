/**
 * Ingest p99 latency at a fixed offered load, open loop (bench/open-loop.ts): one `Product Added`
 * per POST /v1/track, BENCH_LATENCY_RATE (5000) requests/s over BENCH_LATENCY_CONNECTIONS (32)
 * keep-alive connections, spread over BENCH_LATENCY_CARTS (1000) shoppers' carts, every messageId
 * unique. Cartback beside the bare route (bench/servers/baseline.ts), each in its own process over a
 * fresh database. Knobs also: BENCH_LATENCY_WARMUP_MS (1000), BENCH_LATENCY_MS (3000),
 * BENCH_LATENCY_DRAIN_MS (1000).
 */
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
};
const SLACK_MS = 5;

type LatencySample = Omit<OpenLoopResult, 'firstError'> & { noneLost: boolean };

async function once(side: Side, dialect: DialectName): Promise<LatencySample> {
  const db = await freshDb(dialect);
  try {
    const server = await startServer(side, db);
    const user = side === 'ours' ? await createStore(server.port) : 'baseline';
    const w = workload(latencySettings.carts);
    const { firstError, ...r } = await runOpenLoop({ port: server.port, path: '/v1/track', user, body: w.track, ...latencySettings });
    const rows = await server.stop();
    if (r.errors) console.warn(`  ! ${r.errors} error(s), first: ${firstError}`);
    // Requests still in flight when the drain time ran out may be stored without their answer being
    // read, so more rows than acknowledgements is fine; fewer would be a lost event.
    if (rows < r.acked) console.warn(`  ! ${r.acked} events acknowledged but only ${rows} rows stored`);
    return { ...r, p50Ms: round1(r.p50Ms), p99Ms: round1(r.p99Ms), maxMs: round1(r.maxMs), sendLagP99Ms: round1(r.sendLagP99Ms), noneLost: rows >= r.acked };
  } finally {
    await db.cleanup();
  }
}

export const latency: Measure = {
  key: 'latency',
  steps: (ctx) => ctx.dialects.length * ctx.repeat * 2,
  async run(ctx) {
    const rows = [];
    const s = latencySettings;
    for (const dialect of ctx.dialects) {
      const samples = await alternate(ctx, `${dialect} latency`, (side) => once(side, dialect), (x) =>
        `p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms; ${fmt(x.missed)} of ${fmt(x.scheduled)} missed; queue ≤ ${fmt(x.maxQueue)}; answered ${fmt(x.answeredPerSec)}/s`);
      const ours = stats(samples.ours.map((x) => x.p99Ms), 1);
      const baseline = stats(samples.baseline.map((x) => x.p99Ms), 1);
      const med = (xs: LatencySample[], f: (x: LatencySample) => number) => stats(xs.map(f), 1).median;
      const side = (xs: LatencySample[]) =>
        `p50 ${fmt(med(xs, (x) => x.p50Ms))} ms, max ${fmt(med(xs, (x) => x.maxMs))} ms, missed ${fmt(med(xs, (x) => x.missed))}, answered ${fmt(med(xs, (x) => x.answeredPerSec))}/s`;
      const diff = round1(ours.median - baseline.median);
      rows.push({
        key: 'latency', measure: `ingest p99 latency at ${fmt(s.rate)} events/s, open loop`, dialect, unit: 'ms p99', ours, baseline,
        ratio: Math.round((ours.median / baseline.median) * 100) / 100, compare: `${signed(diff)} ms`,
        target: { text: `≤ baseline + ${SLACK_MS} ms`, slackMs: SLACK_MS }, meetsTarget: ours.median <= baseline.median + SLACK_MS,
        note: `medians: Cartback ${side(samples.ours)}; baseline ${side(samples.baseline)}; of ${fmt(samples.ours[0]?.scheduled ?? 0)} requests; generator lag p99 ≤ ${Math.max(...[...samples.ours, ...samples.baseline].map((x) => x.sendLagP99Ms))} ms`,
        samples,
      });
    }
    return rows;
  },
};

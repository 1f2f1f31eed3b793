/**
 * Ingest throughput (single, batch50): closed-loop load (bench/load.ts) on Cartback's /v1/track and
 * /v1/batch beside the bare route (bench/servers/baseline.ts), each server in its own process over
 * a fresh database. Knobs: BENCH_CONNECTIONS (32), BENCH_WARMUP_MS (1000), BENCH_DURATION_MS
 * (5000), BENCH_CARTS (16), BENCH_CPU_PROF (a directory: --cpu-prof every Cartback server).
 */
import { freshDb, type DialectName } from '../dialects.ts';
import { runLoad } from '../load.ts';
import { resultRow, type Sample, type Target } from '../report.ts';
import { startServer } from '../spawn.ts';
import { workload } from '../workload.ts';
import { alternate, num, round1, type Measure, type Side } from './harness.ts';
import { createStore } from './store.ts';

export const ingestSettings = {
  connections: num('BENCH_CONNECTIONS', 32),
  warmupMs: num('BENCH_WARMUP_MS', 1000),
  durationMs: num('BENCH_DURATION_MS', 5000),
  carts: num('BENCH_CARTS', 16),
};
const cpuProfDir = process.env.BENCH_CPU_PROF;

interface Shape { key: string; label: string; path: string; events: number; target: Target }

async function measureOnce(side: Side, dialect: DialectName, m: Shape): Promise<Sample> {
  const db = await freshDb(dialect);
  try {
    const server = await startServer(side, db, side === 'ours' ? cpuProfDir : undefined);
    const user = side === 'ours' ? await createStore(server.port) : 'baseline';
    const w = workload(ingestSettings.carts);
    const s = ingestSettings;
    const r = await runLoad({
      port: server.port, path: m.path, user, eventsPerRequest: m.events, connections: s.connections,
      warmupMs: s.warmupMs, durationMs: s.durationMs, body: m.events === 1 ? w.track : () => w.batch(m.events),
    });
    const rows = await server.stop();
    if (r.errors) console.warn(`  ! ${r.errors} error(s), first: ${r.firstError}`);
    if (rows !== r.ackedEvents) console.warn(`  ! ${r.ackedEvents} events acknowledged but ${rows} rows stored`);
    return { eventsPerSec: Math.round(r.eventsPerSec), p50Ms: round1(r.p50Ms), p99Ms: round1(r.p99Ms), errors: r.errors, rowsMatch: rows === r.ackedEvents };
  } finally {
    await db.cleanup();
  }
}

function throughput(shape: Shape): Measure {
  return {
    key: shape.key,
    steps: (ctx) => ctx.dialects.length * ctx.repeat * 2,
    async run(ctx) {
      const rows = [];
      for (const dialect of ctx.dialects) {
        const s = await alternate(ctx, `${dialect} ${shape.key}`, (side) => measureOnce(side, dialect, shape), (x) =>
          `${x.eventsPerSec.toLocaleString('en-US')} events/s${x.p50Ms >= 0 ? ` (p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms)` : ' (no request succeeded)'}`);
        rows.push(resultRow(shape.key, shape.label, dialect, shape.target, s.ours, s.baseline));
      }
      return rows;
    },
  };
}

export const single = throughput({ key: 'single', label: 'ingest, one event per request (durable)', path: '/v1/track', events: 1, target: { minRatio: 0.7, minEventsPerSec: 10_000 } });
export const batch50 = throughput({ key: 'batch50', label: 'ingest, 50-event batches', path: '/v1/batch', events: 50, target: { minRatio: 0.6, minEventsPerSec: 100_000 } });

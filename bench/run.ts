/**
 * `npm run bench`: ingest throughput of Cartback beside a bare Fastify route writing the same rows,
 * in the same run, on SQLite and (when reachable) PostgreSQL. See bench/README.md.
 *
 * Knobs (environment): BENCH_CONNECTIONS (32), BENCH_WARMUP_MS (1000), BENCH_DURATION_MS (5000),
 * BENCH_REPEAT (3), BENCH_CARTS (16), BENCH_DIALECTS (sqlite,postgres), BENCH_MEASURES
 * (single,batch50), BENCH_CPU_PROF (a directory: profile every Cartback server with --cpu-prof).
 */
import { freshDb, postgresSkipReason, type DialectName } from './dialects.ts';
import { runLoad } from './load.ts';
import { machine, markdown, resultRow, writeResults, type ResultRow, type Sample, type Target } from './report.ts';
import { BENCH_ADMIN_TOKEN } from './servers/protocol.ts';
import { startServer } from './spawn.ts';
import { workload } from './workload.ts';

const num = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const list = (name: string, dflt: string) => (process.env[name] ?? dflt).split(',').map((s) => s.trim()).filter(Boolean);
const settings = {
  connections: num('BENCH_CONNECTIONS', 32),
  warmupMs: num('BENCH_WARMUP_MS', 1000),
  durationMs: num('BENCH_DURATION_MS', 5000),
  repeat: num('BENCH_REPEAT', 3),
  carts: num('BENCH_CARTS', 16),
};
const cpuProfDir = process.env.BENCH_CPU_PROF;

interface Measure { key: string; label: string; path: string; events: number; target: Target }
const MEASURES: Measure[] = [
  { key: 'single', label: 'ingest, one event per request (durable)', path: '/v1/track', events: 1, target: { minRatio: 0.7, minEventsPerSec: 10_000 } },
  { key: 'batch50', label: 'ingest, 50-event batches', path: '/v1/batch', events: 50, target: { minRatio: 0.6, minEventsPerSec: 100_000 } },
].filter((m) => list('BENCH_MEASURES', 'single,batch50').includes(m.key));

async function createStore(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/stores`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Outdoor Co.', settings: { currency: 'USD', domain: 'shop.example.com', postalAddress: '1 Bench Street, Springfield' } }),
  });
  if (res.status !== 201) throw new Error(`POST /api/stores answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { writeKey: string }).writeKey;
}

async function measureOnce(kind: 'ours' | 'baseline', dialect: DialectName, m: Measure): Promise<Sample> {
  const db = await freshDb(dialect);
  try {
    const server = await startServer(kind, db, kind === 'ours' ? cpuProfDir : undefined);
    const user = kind === 'ours' ? await createStore(server.port) : 'baseline';
    const w = workload(settings.carts);
    const r = await runLoad({
      port: server.port, path: m.path, user, eventsPerRequest: m.events, connections: settings.connections,
      warmupMs: settings.warmupMs, durationMs: settings.durationMs, body: m.events === 1 ? w.track : () => w.batch(m.events),
    });
    const rows = await server.stop();
    if (r.errors) console.warn(`  ! ${r.errors} error(s), first: ${r.firstError}`);
    if (rows !== r.ackedEvents) console.warn(`  ! ${r.ackedEvents} events acknowledged but ${rows} rows stored`);
    return { eventsPerSec: Math.round(r.eventsPerSec), p50Ms: round1(r.p50Ms), p99Ms: round1(r.p99Ms), errors: r.errors, rowsMatch: rows === r.ackedEvents };
  } finally {
    await db.cleanup();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

const started = Date.now();
const pgSkip = await postgresSkipReason();
const dialects = (list('BENCH_DIALECTS', 'sqlite,postgres') as DialectName[]).filter((d) => d === 'sqlite' || (d === 'postgres' && !pgSkip));
const skipped: Record<string, string> = {};
if (pgSkip && list('BENCH_DIALECTS', 'sqlite,postgres').includes('postgres')) {
  skipped.postgres = pgSkip;
  console.log(`PostgreSQL skipped: ${pgSkip}`);
}
const total = dialects.length * MEASURES.length * settings.repeat * 2;
console.log(`ingest benchmark: ${total} measurements, ${settings.connections} connections, ${settings.warmupMs} ms warm-up + ${settings.durationMs} ms each, closed loop on 127.0.0.1`);

const rows: ResultRow[] = [];
let i = 0;
for (const dialect of dialects) {
  for (const m of MEASURES) {
    const samples: Record<'ours' | 'baseline', Sample[]> = { ours: [], baseline: [] };
    for (let rep = 1; rep <= settings.repeat; rep++) {
      // Alternate the order, so a drift over time (heat, page cache) does not favour one side.
      for (const kind of rep % 2 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)) {
        const tag = `[${String(++i).padStart(2)}/${total}] ${dialect} ${m.key} ${kind === 'ours' ? 'cartback' : 'baseline'} #${rep}`;
        console.log(`${tag} …`);
        const s = await measureOnce(kind, dialect, m);
        samples[kind].push(s);
        console.log(`${tag} ${s.eventsPerSec.toLocaleString('en-US')} events/s${s.p50Ms >= 0 ? ` (p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms)` : ' (no request succeeded)'}`);
      }
    }
    rows.push(resultRow(m.label, dialect, m.target, samples.ours, samples.baseline));
  }
}

const file = writeResults('ingest', { benchmark: 'ingest', at: new Date().toISOString(), machine: machine(), settings, skipped, rows });
console.log(`\n${markdown(rows)}\n`);
if (Object.keys(skipped).length) console.log(Object.entries(skipped).map(([d, why]) => `${d} skipped: ${why}`).join('\n'));
console.log(`results: ${file} (${Math.round((Date.now() - started) / 1000)} s)`);

/**
 * Memory with 1M pending carts: the resident set of a Cartback started as `cartback start` does
 * (bench/servers/ours.ts: launch(), engine running) over a database holding BENCH_MEMORY_CARTS
 * carts waiting for abandonment, minus the same process over the same database without carts.
 * Each repeat starts both processes at once (memory, not CPU, is measured, and it halves the time),
 * lets them settle (BENCH_MEMORY_SETTLE_MS, at least 3 engine passes), forces a full GC in each and
 * reads RSS and heap used. The databases are filled once per dialect (pending-carts.ts) and shared
 * by the repeats: with nothing due, the engine only reads them. Knobs: BENCH_MEMORY_CARTS (1000000),
 * BENCH_MEMORY_SETTLE_MS (10000), BENCH_MEMORY_DIALECTS (sqlite; add postgres for its row).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDb, type DialectName, type FreshDb } from '../dialects.ts';
import { fmt, ratioOf, signed, stats } from '../report.ts';
import type { MemoryReport, ServerMessage } from '../servers/protocol.ts';
import { num, round1, type Measure } from './harness.ts';
import { fillPendingCarts } from './pending-carts.ts';

export const memorySettings = {
  carts: num('BENCH_MEMORY_CARTS', 1_000_000),
  settleMs: num('BENCH_MEMORY_SETTLE_MS', 10_000),
  // PostgreSQL adds ~20 s of filling and ~40 s of settling: beyond this measure's share of the run.
  dialects: (process.env.BENCH_MEMORY_DIALECTS ?? 'sqlite').split(','),
};
const MAX_ABOVE_IDLE_MB = 256;
const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'servers', 'ours.ts');

function next<K extends string>(child: ChildProcess, key: K, timeoutMs = 60_000): Promise<Extract<ServerMessage, Record<K, unknown>>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Cartback sent no ${key} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ServerMessage) => {
      if (!(key in m)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as Extract<ServerMessage, Record<K, unknown>>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Cartback exited (code ${code}) before sending ${key}`));
    });
  });
}

/** Starts Cartback on `db`, waits until it has settled, and returns its memory after a full GC. */
async function settledMemory(db: FreshDb): Promise<MemoryReport> {
  const child = fork(serverScript, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DATABASE: JSON.stringify(db.database), BENCH_DATA_DIR: db.dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await next(child, 'port');
    const until = Date.now() + memorySettings.settleMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, Math.max(250, until - Date.now())));
      child.send('memory');
      const { memory } = await next(child, 'memory');
      if (Date.now() >= until && (memory.enginePasses ?? 0) >= 3) return memory;
    }
  } finally {
    // A clean stop (as on SIGTERM in `cartback start`), so no database connection is left behind.
    const exited = new Promise((r) => child.once('exit', r));
    child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

interface Pair { full: MemoryReport; idle: MemoryReport; aboveIdleMB: number }

export const memory: Measure = {
  key: 'memory',
  steps: (ctx) => ctx.dialects.filter((d) => memorySettings.dialects.includes(d)).length * (ctx.repeat + 1),
  async run(ctx) {
    const rows = [];
    for (const dialect of ctx.dialects.filter((d) => memorySettings.dialects.includes(d)) as DialectName[]) {
      const full = await freshDb(dialect);
      const idle = await freshDb(dialect);
      try {
        const filled = ctx.step(`memory ${dialect}: fill ${fmt(memorySettings.carts)} pending carts`);
        const t0 = Date.now();
        await fillPendingCarts(full.database, memorySettings.carts);
        await fillPendingCarts(idle.database, 0);
        filled(`${round1((Date.now() - t0) / 1000)} s`);
        const pairs: Pair[] = [];
        for (let rep = 1; rep <= ctx.repeat; rep++) {
          const done = ctx.step(`memory ${dialect} cartback with carts and idle #${rep}`);
          const [f, i] = await Promise.all([settledMemory(full), settledMemory(idle)]);
          pairs.push({ full: f, idle: i, aboveIdleMB: round1(f.rssMB - i.rssMB) });
          done(`RSS ${f.rssMB} MB vs ${i.rssMB} MB idle (${signed(round1(f.rssMB - i.rssMB))} MB); heap used ${f.heapUsedMB} vs ${i.heapUsedMB} MB; ${f.enginePasses} engine passes`);
        }
        const above = stats(pairs.map((p) => p.aboveIdleMB), 1);
        const heapAbove = stats(pairs.map((p) => p.full.heapUsedMB - p.idle.heapUsedMB), 1);
        const ours = stats(pairs.map((p) => p.full.rssMB), 1);
        const baseline = stats(pairs.map((p) => p.idle.rssMB), 1);
        rows.push({
          key: 'memory', measure: `memory with ${fmt(memorySettings.carts)} pending carts`, dialect, unit: 'MB RSS',
          ours, baseline, ratio: ratioOf(ours, baseline),
          compare: `${signed(above.median)} MB (${signed(above.min)} to ${signed(above.max)})`,
          target: { text: `≤ ${MAX_ABOVE_IDLE_MB} MB above idle`, maxAboveMB: MAX_ABOVE_IDLE_MB }, meetsTarget: above.median <= MAX_ABOVE_IDLE_MB,
          note: `heap used ${signed(heapAbove.median)} MB; after ≥ ${memorySettings.settleMs / 1000} s, ≥ 3 engine passes and a full GC`,
          samples: { ours: pairs.map((p) => p.full), baseline: pairs.map((p) => p.idle) },
        });
      } finally {
        await full.cleanup();
        await idle.cleanup();
      }
    }
    return rows;
  },
};

/**
 * How the benchmark talks to a server it started (bench/spawn.ts) over the IPC channel: the server
 * reads its database from BENCH_DATABASE (JSON of Config['database']) and BENCH_DATA_DIR, says
 * { port } once it listens, on 'memory' answers { memory } (after a full GC), and on 'stop'
 * answers { rows } (events stored) and exits.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig, type Config } from '../../src/config/index.ts';

/** the admin token the Cartback under test accepts (to create its store) */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface MemoryReport { rssMB: number; heapUsedMB: number; externalMB: number; enginePasses: number | null }
export type ServerMessage = { port: number } | { rows: number } | { memory: MemoryReport };

/** A full garbage collection, without starting the process with --expose-gc. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export function databaseFromEnv(): { database: Config['database']; dataDir: string } {
  const database = JSON.parse(process.env.BENCH_DATABASE ?? 'null') as Config['database'] | null;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!database || !dataDir || !process.send) throw new Error('start this through bench/spawn.ts (needs BENCH_DATABASE, BENCH_DATA_DIR and an IPC channel)');
  return { database, dataDir };
}

/**
 * Cartback's configuration as an operator would set it for this database: dev mailbox, no demo
 * store, silent logs (BENCH_SERVER_LOG_LEVEL), a fixed admin token, any free port; `extra` on top.
 */
export function benchConfig(extra: Record<string, string> = {}): Config {
  const { database, dataDir } = databaseFromEnv();
  return loadConfig({
    CARTBACK_PORT: '0',
    CARTBACK_HOST: '127.0.0.1',
    CARTBACK_DATA_DIR: dataDir,
    CARTBACK_DATABASE_URL: database.kind === 'postgres' ? database.url : `sqlite:${database.file}`,
    CARTBACK_PUBLIC_URL: 'http://127.0.0.1',
    CARTBACK_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    CARTBACK_DEMO: 'false',
    CARTBACK_LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent',
    ...extra,
  });
}

/** `enginePasses` tells how many passes the engine worker has made (Cartback only). */
export function serve(port: number, countRows: () => Promise<number>, close: () => Promise<void>, enginePasses?: () => number): void {
  process.send!({ port } satisfies ServerMessage);
  process.on('message', async (m) => {
    if (m === 'memory') {
      collectGarbage();
      const u = process.memoryUsage();
      process.send!({ memory: { rssMB: mb(u.rss), heapUsedMB: mb(u.heapUsed), externalMB: mb(u.external), enginePasses: enginePasses?.() ?? null } } satisfies ServerMessage);
    }
    if (m !== 'stop') return;
    process.send!({ rows: await countRows() } satisfies ServerMessage, async () => {
      await close();
      process.exit(0);
    });
  });
}

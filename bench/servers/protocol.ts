/**
 * How the benchmark talks to a server it started (bench/spawn.ts) over the IPC channel: the server
 * reads its database from BENCH_DATABASE (JSON of Config['database']) and BENCH_DATA_DIR, says
 * { port } once it listens, and on 'stop' answers { rows } (events stored) and exits.
 */
import type { Config } from '../../src/config/index.ts';

/** the admin token the Cartback under test accepts (to create its store) */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export type ServerMessage = { port: number } | { rows: number };

export function databaseFromEnv(): { database: Config['database']; dataDir: string } {
  const database = JSON.parse(process.env.BENCH_DATABASE ?? 'null') as Config['database'] | null;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!database || !dataDir || !process.send) throw new Error('start this through bench/spawn.ts (needs BENCH_DATABASE, BENCH_DATA_DIR and an IPC channel)');
  return { database, dataDir };
}

export function serve(port: number, countRows: () => Promise<number>, close: () => Promise<void>): void {
  process.send!({ port } satisfies ServerMessage);
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    process.send!({ rows: await countRows() } satisfies ServerMessage, async () => {
      await close();
      process.exit(0);
    });
  });
}

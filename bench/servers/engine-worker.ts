/**
 * A Cartback engine worker as `cartback start --role worker` runs it (launch(): migrations, the
 * engine loop, the health endpoints), for the due-lag benchmark. Its poll interval is
 * BENCH_POLL_MS (Cartback's default when unset). Answers 'stop' with the passes it made.
 */
import { loadConfig } from '../../src/config/index.ts';
import { launch } from '../../src/cli/start.ts';
import { BENCH_ADMIN_TOKEN, databaseFromEnv, serve } from './protocol.ts';

const { database, dataDir } = databaseFromEnv();
const config = loadConfig({
  CARTBACK_ROLE: 'worker',
  CARTBACK_PORT: '0',
  CARTBACK_HOST: '127.0.0.1',
  CARTBACK_DATA_DIR: dataDir,
  CARTBACK_DATABASE_URL: database.kind === 'postgres' ? database.url : `sqlite:${database.file}`,
  CARTBACK_PUBLIC_URL: 'http://127.0.0.1',
  CARTBACK_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
  CARTBACK_DEMO: 'false',
  CARTBACK_LOG_LEVEL: (process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent') as 'silent',
  ...(process.env.BENCH_POLL_MS ? { CARTBACK_POLL_MS: process.env.BENCH_POLL_MS } : {}),
});
const { app, services } = await launch(config);
serve((app.server.address() as { port: number }).port, async () => services.worker.ticks, () => app.close());

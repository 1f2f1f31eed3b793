/**
 * Cartback as `cartback start` runs it (launch(): migrations, engine worker, HTTP), configured the
 * way an operator would: dev mailbox, no demo store, silent logs, a fixed admin token.
 */
import { loadConfig } from '../../src/config/index.ts';
import { launch } from '../../src/cli/start.ts';
import { BENCH_ADMIN_TOKEN, databaseFromEnv, serve } from './protocol.ts';

const { database, dataDir } = databaseFromEnv();
const config = loadConfig({
  CARTBACK_PORT: '0',
  CARTBACK_HOST: '127.0.0.1',
  CARTBACK_DATA_DIR: dataDir,
  CARTBACK_DATABASE_URL: database.kind === 'postgres' ? database.url : `sqlite:${database.file}`,
  CARTBACK_PUBLIC_URL: 'http://127.0.0.1',
  CARTBACK_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
  CARTBACK_DEMO: 'false',
  CARTBACK_LOG_LEVEL: (process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent') as 'silent',
});
const { app, services } = await launch(config);
const port = (app.server.address() as { port: number }).port;
const count = async () => Number((await services.database.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
serve(port, count, () => app.close(), () => services.worker.ticks);

/**
 * Cartback as `cartback start` runs it (launch(): migrations, engine worker, HTTP), configured the
 * way an operator would: dev mailbox, no demo store, silent logs, a fixed admin token.
 */
import { launch } from '../../src/cli/start.ts';
import { benchConfig, serve } from './protocol.ts';

const config = benchConfig();
const { app, services } = await launch(config);
const port = (app.server.address() as { port: number }).port;
const count = async () => Number((await services.database.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
serve(port, count, () => app.close(), () => services.worker.ticks);

/**
 * A Cartback engine worker as `cartback start --role worker` runs it (launch(): migrations, the
 * engine loop, the health endpoints), for the due-lag benchmark. Its poll interval is
 * BENCH_POLL_MS (Cartback's default when unset). Answers 'stop' with the passes it made.
 */
import { launch } from '../../src/cli/start.ts';
import { benchConfig, serve } from './protocol.ts';

const config = benchConfig({ CARTBACK_ROLE: 'worker', ...(process.env.BENCH_POLL_MS ? { CARTBACK_POLL_MS: process.env.BENCH_POLL_MS } : {}) });
const { app, services } = await launch(config);
serve((app.server.address() as { port: number }).port, async () => services.worker.ticks, () => app.close());

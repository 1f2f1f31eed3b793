/**
 * The load generators' own ceiling on this machine: the same load as `npm run bench` against
 * Fastify routes that store nothing (closed loop: the most it can send; open loop at 5,000/s: the
 * latency floor). If a baseline comes close to this, the generator (sharing the CPU) limits the
 * measurement, not the server.
 *
 *   node --import tsx bench/ceiling.ts
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load.ts';
import { runOpenLoop } from './open-loop.ts';
import { workload } from './workload.ts';

if (process.argv[2] === 'server') {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
  app.post('/v1/track', async () => ({ success: true, accepted: 1, duplicates: 0 }));
  app.post('/v1/batch', async () => ({ success: true, accepted: 50, duplicates: 0 }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!((app.server.address() as { port: number }).port);
} else {
  const child = fork(fileURLToPath(import.meta.url), ['server'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r(m as number)));
  const w = workload();
  const common = { port, user: 'ceiling', connections: 32, warmupMs: 1000, durationMs: 5000 };
  const single = await runLoad({ ...common, path: '/v1/track', body: w.track, eventsPerRequest: 1 });
  const batch = await runLoad({ ...common, path: '/v1/batch', body: () => w.batch(50), eventsPerRequest: 50 });
  console.log(`no-op /v1/track: ${Math.round(single.eventsPerSec)} events/s; no-op /v1/batch (50): ${Math.round(batch.eventsPerSec)} events/s`);
  // The open-loop generator at the latency measure's load: what the p99 floor of this machine is.
  const open = await runOpenLoop({ ...common, path: '/v1/track', body: w.track, rate: 5000, warmupMs: 1000, durationMs: 4000, drainMs: 2000 });
  console.log(`no-op /v1/track open loop at 5,000/s: p50 ${open.p50Ms.toFixed(1)} ms, p99 ${open.p99Ms.toFixed(1)} ms, max ${open.maxMs.toFixed(1)} ms, ${open.missed} missed, generator lag p99 ${open.sendLagP99Ms.toFixed(1)} ms`);
  child.kill();
}

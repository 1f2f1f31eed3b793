/**
 * Starts Cartback for a test, in this process (launch) or as a real child process (spawn, for
 * kill -9 tests), from the same CARTBACK_* environment either way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.ts';
import { launch, type Launched } from '../../src/cli/start.ts';
import type { Dialect } from './dialects.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface TestEnv { env: Record<string, string>; base: string; cleanup(): Promise<void> }

/** A fresh database and the environment that points Cartback at it. */
export async function testEnv(dialect: Dialect, extra: Record<string, string> = {}): Promise<TestEnv> {
  const fresh = await dialect.fresh();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    CARTBACK_PORT: String(port),
    CARTBACK_HOST: '127.0.0.1',
    CARTBACK_DATA_DIR: fresh.dataDir,
    CARTBACK_DATABASE_URL: fresh.database.kind === 'postgres' ? fresh.database.url : `sqlite:${fresh.database.file}`,
    CARTBACK_PUBLIC_URL: base,
    CARTBACK_ADMIN_TOKEN: ADMIN_TOKEN,
    CARTBACK_DEMO: 'false',
    CARTBACK_LOG_LEVEL: 'silent',
    CARTBACK_POLL_MS: '50',
    CARTBACK_LEASE_MS: '2000',
    // Tests click links milliseconds after delivery, as no person does; scanner timing is tested on its own.
    CARTBACK_LINK_SCANNER_SECONDS: '0',
    ...extra,
  };
  return { env, base, cleanup: fresh.cleanup };
}

export async function launchIn(t: TestEnv): Promise<Launched> {
  return launch(loadConfig(t.env));
}

export interface Child { proc: ChildProcess; output: () => string; kill9(): Promise<void>; stop(): Promise<void> }

/**
 * `cartback start` as a separate process; resolves once /readyz answers. `role` starts one part of
 * a split deployment; `env` overrides settings for this process (a worker needs its own
 * CARTBACK_PORT: every role listens, for /readyz and /metrics).
 */
export async function spawnCartback(t: TestEnv, opts: { role?: 'all' | 'api' | 'worker'; env?: Record<string, string> } = {}): Promise<Child> {
  let output = '';
  const env = { PATH: process.env.PATH ?? '', ...t.env, ...opts.env };
  const ready = opts.env?.CARTBACK_PORT ? `http://127.0.0.1:${opts.env.CARTBACK_PORT}` : t.base;
  const args = [path.resolve('bin/cartback.js'), 'start', ...(opts.role ? ['--role', opts.role] : [])];
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const until = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`cartback exited early:\n${output}`);
    try {
      if ((await fetch(`${ready}/readyz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      proc.kill('SIGKILL'); // else the orphan keeps the test runner waiting forever
      throw new Error(`cartback did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    output: () => output,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

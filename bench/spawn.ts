/**
 * Starts a server under test (bench/servers/*.ts) as its own Node process, so it has a core to
 * itself while the load generator runs in this one. Optionally with --cpu-prof.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FreshDb } from './dialects.ts';
import type { ServerMessage } from './servers/protocol.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Running { port: number; /** stops the server; resolves with the events it stored */ stop(): Promise<number> }

function nextMessage<K extends string>(child: ChildProcess, key: K, timeoutMs: number): Promise<Extract<ServerMessage, Record<K, unknown>>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`server sent no ${key} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ServerMessage) => key in m && done(null, m as Extract<ServerMessage, Record<K, unknown>>);
    const onExit = (code: number | null) => done(new Error(`server exited (code ${code}) before sending ${key}`));
    function done(err: Error | null, m?: Extract<ServerMessage, Record<K, unknown>>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** `kind` names the script under servers/: ours, baseline (ingest); engine-worker, claim-loop (due lag). */
export async function startServer(kind: 'ours' | 'baseline' | 'engine-worker' | 'claim-loop', db: FreshDb, cpuProfDir?: string): Promise<Running> {
  // One file per thread (tsx's loader has its own); bench/profile.ts picks the main one.
  const prof = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = fork(path.join(here, 'servers', `${kind}.ts`), [], {
    execArgv: ['--import', 'tsx', ...prof],
    env: { ...process.env, BENCH_DATABASE: JSON.stringify(db.database), BENCH_DATA_DIR: db.dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    const { port } = await nextMessage(child, 'port', 60_000);
    return {
      port,
      async stop() {
        const rows = nextMessage(child, 'rows', 60_000);
        child.send('stop');
        try {
          const { rows: n } = await rows;
          await exited;
          return n;
        } catch (err) {
          child.kill('SIGKILL');
          throw err;
        }
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

/**
 * Runs one sample in a fresh Node process: `script` (a .ts file under bench/) does its work and
 * sends `{ result }` over IPC, then exits. A fresh process per sample means one side never runs on
 * code the other side's run warmed up (V8's JIT feedback, caches, heap size).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function forkTs(script: string, args: string[], execArgv: string[] = []): ChildProcess {
  return fork(path.join(here, script), args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

export function runChild<T>(script: string, args: string[], timeoutMs = 120_000): Promise<T> {
  const child = forkTs(script, args);
  return new Promise<T>((resolve, reject) => {
    let result: T | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')}: no result within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (m) => {
      if (m && typeof m === 'object' && 'result' in m) result = (m as { result: T }).result;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (result !== undefined) resolve(result);
      else reject(new Error(`${script} ${args.join(' ')} exited (code ${code}) without a result`));
    });
  });
}

/** In a child: send the result and exit once it is delivered. */
export function sendResult(result: unknown): void {
  process.send!({ result }, () => process.exit(0));
}

/**
 * Fault injection for the crash and outage tests: the CLI as a child process (to kill it mid-way),
 * and the PostgreSQL connections of one Cartback process, found by the application_name that
 * src/store/db.ts gives them (`cartback-<role>-<pid>`), to cut them as a server restart would
 * without restarting the server that other test files share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { PG_URL } from './dialects.ts';

export interface CliRun { proc: ChildProcess; output: () => string; exited: Promise<number | null> }

/** `cartback <args>` as a child process with this environment; `exited` resolves with its exit code (null: killed). */
export function spawnCli(env: Record<string, string>, args: string[]): CliRun {
  let output = '';
  const proc = spawn(process.execPath, [path.resolve('bin/cartback.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, output: () => output, exited };
}

/** The application_name Cartback's pool uses in the process `pid` for `role`. */
export const appName = (role: string, pid: number) => `cartback-${role}-${pid}`;

/** Runs one statement on the shared test server (not in any test's schema). */
export async function onServer<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** What the backends of one application are running now. */
export const activeQueries = async (application: string) =>
  (await onServer<{ query: string }>(`select query from pg_stat_activity where application_name = $1 and state = 'active'`, [application])).map((r) => r.query);

/** Ends every backend of one application, as a PostgreSQL restart would; returns how many there were. */
export async function terminateBackends(application: string): Promise<number> {
  const rows = await onServer<{ ok: boolean }>(`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1`, [application]);
  return rows.length;
}

/**
 * A PostgreSQL role and schema of its own for one test, so that its connections can be refused
 * (`connection limit 0`) as a server that is down refuses them, without touching anyone else's.
 */
export async function ownPgRole(): Promise<{ url: string; allowConnections(on: boolean): Promise<void>; cleanup(): Promise<void> }> {
  const name = `cbt_fault_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(`create role ${name} login`);
  await onServer(`create schema ${name} authorization ${name}`);
  const url = new URL(PG_URL);
  url.username = name;
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    allowConnections: async (on) => void (await onServer(`alter role ${name} connection limit ${on ? -1 : 0}`)),
    async cleanup() {
      await onServer(`select pg_terminate_backend(pid) from pg_stat_activity where usename = $1`, [name]);
      await onServer(`drop schema if exists ${name} cascade`);
      await onServer(`drop role if exists ${name}`);
    },
  };
}

/**
 * Every store test runs once per database. SQLite gets a fresh file; PostgreSQL a fresh schema in
 * the database named by CARTBACK_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Without a reachable PostgreSQL its cases are skipped with the reason, except in CI (CI=true),
 * where that is a failure: CI must prove both databases. bench/ uses the same fixtures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config/index.ts';

export const PG_URL = process.env.CARTBACK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DialectName = 'sqlite' | 'postgres';
export interface FreshDb { database: Config['database']; dataDir: string; cleanup(): Promise<void> }

export interface Dialect {
  name: DialectName;
  /** set when this dialect's tests must be skipped, saying why */
  skip: string | false;
  /** a fresh, empty database for one test; cleanup drops it */
  fresh(): Promise<FreshDb>;
}

/** Why PostgreSQL at `url` cannot be used, or false when it answers. */
export async function postgresSkipReason(url = PG_URL, hint = 'set CARTBACK_TEST_DATABASE_URL to run these'): Promise<string | false> {
  // Generous: on a loaded machine (CI runs two test files at once) a 2 s probe was seen to give up on a healthy server.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return false;
  } catch (err) {
    return `PostgreSQL not reachable at ${url} (${(err as Error).message}); ${hint}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pgExec(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh SQLite file, or a fresh schema in the PostgreSQL database at `url`. */
export async function freshDb(name: DialectName, url = PG_URL, prefix = 'cbt'): Promise<FreshDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cartback-${prefix}-`));
  const rmDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (name === 'sqlite') return { database: { kind: 'sqlite', file: path.join(dataDir, 'cartback.db') }, dataDir, cleanup: async () => rmDir() };
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await pgExec(url, `create schema ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    database: { kind: 'postgres', url: withSchema.toString() },
    dataDir,
    async cleanup() {
      await pgExec(url, `drop schema if exists ${schema} cascade`);
      rmDir();
    },
  };
}

const pgSkip = await postgresSkipReason();
if (pgSkip && process.env.CI === 'true') throw new Error(`CI requires PostgreSQL: ${pgSkip}`);

export const DIALECTS: Dialect[] = [
  { name: 'sqlite', skip: false, fresh: () => freshDb('sqlite') },
  { name: 'postgres', skip: pgSkip, fresh: () => freshDb('postgres') },
];

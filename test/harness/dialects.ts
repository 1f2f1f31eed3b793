/**
 * Every store test runs once per database. SQLite gets a fresh file; PostgreSQL a fresh schema in
 * the database named by CARTBACK_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Without a reachable PostgreSQL its cases are skipped with the reason, except in CI (CI=true),
 * where that is a failure: CI must prove both databases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config/index.ts';

export const PG_URL = process.env.CARTBACK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** set when this dialect's tests must be skipped, saying why */
  skip: string | false;
  /** a fresh, empty database for one test; cleanup drops it */
  fresh(): Promise<{ database: Config['database']; dataDir: string; cleanup(): Promise<void> }>;
}

async function probePostgres(): Promise<string | false> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return false;
  } catch (err) {
    return `PostgreSQL not reachable at ${PG_URL} (${(err as Error).message}); set CARTBACK_TEST_DATABASE_URL to run these`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgSkip = await probePostgres();
if (pgSkip && process.env.CI === 'true') throw new Error(`CI requires PostgreSQL: ${pgSkip}`);

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-test-'));
}

export const DIALECTS: Dialect[] = [
  {
    name: 'sqlite',
    skip: false,
    async fresh() {
      const dataDir = tmpDir();
      return { database: { kind: 'sqlite', file: path.join(dataDir, 'cartback.db') }, dataDir, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    skip: pgSkip,
    async fresh() {
      const schema = `cbt_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const dataDir = tmpDir();
      return {
        database: { kind: 'postgres', url: url.toString() },
        dataDir,
        async cleanup() {
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

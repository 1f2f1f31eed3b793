/**
 * Opens the database named by the configuration. The rest of the code sees one Kysely<DB> and a
 * set of capability flags; it never asks which dialect it runs on.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type Migration, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/index.ts';
import type { DB } from './schema.ts';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_storefront.ts';
import * as m0003 from './migrations/0003_admin.ts';
import * as m0004 from './migrations/0004_store_due.ts';
import * as m0005 from './migrations/0005_reports.ts';
import * as m0006 from './migrations/0006_outbox.ts';
import * as m0007 from './migrations/0007_delivery.ts';
import * as m0008 from './migrations/0008_privacy.ts';
import * as m0009 from './migrations/0009_link_scanners.ts';
import * as m0010 from './migrations/0010_store_scopes.ts';
import * as m0011 from './migrations/0011_cart_deltas.ts';

export interface Capabilities {
  /** Row claims can use FOR UPDATE SKIP LOCKED, so several workers share one queue. */
  skipLocked: boolean;
  /** Transaction-scoped advisory locks (pg_advisory_xact_lock) order work on keys that may not exist yet. */
  advisoryLocks: boolean;
  /** Several processes may run the engine against this database at once. */
  multiProcess: boolean;
  /** The name shown in logs, /readyz and doctor. */
  label: string;
}

export interface Database {
  db: Kysely<DB>;
  caps: Capabilities;
  close(): Promise<void>;
}

export const MIGRATIONS: Record<string, Migration> = { '0001_initial': m0001, '0002_storefront': m0002, '0003_admin': m0003, '0004_store_due': m0004, '0005_reports': m0005, '0006_outbox': m0006, '0007_delivery': m0007, '0008_privacy': m0008, '0009_link_scanners': m0009, '0010_store_scopes': m0010, '0011_cart_deltas': m0011 };

// pg returns int8 and numeric as strings, to be safe beyond 2^53. Cartback's int8 values are
// epoch milliseconds, minor units and counts, all far below that, so they are parsed as numbers.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Kysely prepares every query anew; SQLite's parse and plan was a fifth of the CPU of seeding the
 * demo history. Statements are kept by SQL text and reused (SQLite re-plans one itself after a
 * schema change). A statement still being iterated (a streamed query) is busy: that use gets a fresh
 * one. The cache is bounded: SQL texts with `in (?, …)` lists vary with the list's length.
 */
function reusingStatements(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY,
  // SQLITE_NOMEM); Kysely's ROLLBACK then fails with "no transaction is active" and that error
  // replaced the real one: a full disk answered 500 internal, not 503 unavailable (and the applier
  // took it for a bad event, not an unavailable database). A ROLLBACK with nothing to roll back is
  // a no-op instead.
  let nothing: SQLite.Statement | undefined;
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      if (text === 'rollback' && !sqlite.inTransaction) return (nothing ??= sqlite.prepare('select 1 where 0'));
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite.prepare(text);
      if (!cached) {
        if (cache.size >= max) cache.clear();
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

export interface OpenOptions {
  poolSize?: number;
  /** what this process is (all, api, worker, migrate, cli): PostgreSQL shows it as application_name `cartback-<role>-<pid>` */
  role?: string;
  /** a pooled connection was closed under Cartback (a server restart, a terminated backend); the pool opens another when needed */
  onConnectionError?: (err: Error) => void;
}

/**
 * Kysely's Migrator runs pending migrations in one transaction only where the adapter says DDL is
 * transactional, and its SQLite adapter says no, although SQLite's DDL is: a process killed
 * half-way through a migration then left its first statements committed and the migration
 * unrecorded, and every later start failed on "duplicate column". Saying yes makes a migration
 * run all or nothing on SQLite as on PostgreSQL (test/integration/faults-migration.test.ts).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class SqliteWithTransactionalDdl extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * A session that was told it is read-only (SQLSTATE 25006: default_transaction_read_only, which
 * providers switch on when a database outgrows its disk, or a standby) stays so for its life,
 * even after the server allows writes again: such a connection is closed when it comes back to
 * the pool, so the next one starts with the server's current setting and Cartback recovers by
 * itself (test/integration/faults-disk.test.ts).
 */
function replacingReadOnlySessions(pool: pg.Pool): PostgresPool {
  const readOnly = new WeakSet<pg.PoolClient>();
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: unknown, values?: unknown[]) => {
      const r = client.query(text as string, values) as unknown;
      if (!(r instanceof Promise)) return r; // a cursor
      return r.catch((err: { code?: string }) => {
        if (err?.code === '25006') readOnly.add(client);
        throw err;
      });
    }) as PostgresPoolClient['query'],
    release: () => client.release(readOnly.has(client) ? new Error('read-only session') : undefined),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}

export function openDatabase(database: Config['database'], options: OpenOptions = {}): Database {
  if (database.kind === 'postgres') {
    // The name lets an operator (and the fault tests) tell Cartback's connections apart in
    // pg_stat_activity; an application_name in the URL wins over it.
    const pool = new pg.Pool({ connectionString: database.url, max: options.poolSize ?? 10, types: pgTypes, application_name: `cartback-${options.role ?? 'cli'}-${process.pid}` });
    // A connection that dies emits 'error' on its client: pg-pool re-emits it on the pool while the
    // client is idle, nobody while it is checked out (Kysely adds no listener). An 'error' event
    // without a listener kills the process, so a PostgreSQL restart took Cartback down with it.
    // The query in flight fails on its own (503 unavailable) and pg-pool discards the dead client.
    const onError = options.onConnectionError ?? (() => undefined);
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: replacingReadOnlySessions(pool) }) });
    return { db, caps: { skipLocked: true, advisoryLocks: true, multiProcess: true, label: 'postgresql' }, close: () => db.destroy() };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL with synchronous=NORMAL: a commit is durable against a process crash (kill -9), which is
  // what invariant 4 asks; a power cut may lose the last transactions, as the README says.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteWithTransactionalDdl({ database: reusingStatements(sqlite) }) });
  return { db, caps: { skipLocked: false, advisoryLocks: false, multiProcess: false, label: `sqlite ${database.file}` }, close: () => db.destroy() };
}

export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  // Kysely looks for its own tables in every schema; pin them to ours, or a second schema in the
  // same database (another deployment, a test) makes it skip creating them here.
  const schema = database.caps.skipLocked ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

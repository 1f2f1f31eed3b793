/**
 * The due-lag benchmark's databases. A template is filled once per dialect: Cartback's migrations,
 * a store, a published flow `trigger → wait (P30D) → exit` (test/harness/runs.ts), and the pending
 * runs parked at its wait, due an hour from now onwards (far beyond the benchmark). Each measurement gets a copy (SQLite: the
 * file; PostgreSQL: CREATE DATABASE … TEMPLATE), and its window's runs are inserted into the copy
 * with due times at a steady rate starting just ahead of now.
 *
 * Stepping a run at the wait moves it to `exit` with due_at = (time of the step) + 30 days, and adds
 * one to `steps`; that is how a measurement reads back when each run was stepped and how often.
 * Its scheduled due time is also kept in `episode`, which the engine uses only for uniqueness.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Config } from '../../src/config/index.ts';
import type { DB } from '../../src/store/schema.ts';
import { openMigrated, storeWithWaitFlow, WAIT_MS } from '../../test/harness/runs.ts';
import type { DialectName, FreshDb } from '../dialects.ts';

export { WAIT_MS };

const TAIL_AHEAD_MS = 3_600_000;

export interface Template { dialect: DialectName; storeId: string; flowId: string; copy(): Promise<FreshDb>; drop(): Promise<void> }

/** `runs` rows `${prefix}0 … ${prefix}(n-1)` at the wait, the i-th due at `firstDue + i*1000/rate` ms. */
async function insertRuns(db: Kysely<DB>, dialect: DialectName, o: { storeId: string; flowId: string; prefix: string; n: number; firstDue: number; rate: number; now: number }): Promise<void> {
  // Explicit casts: PostgreSQL does not type parameters in a select list from the insert's columns.
  const int = (v: number) => sql`cast(${v} as bigint)`;
  const text = (v: string) => sql`cast(${v} as text)`;
  const due = sql`${int(o.firstDue)} + cast(i as bigint) * 1000 / ${int(o.rate)}`;
  const id = sql`${text(o.prefix)} || cast(i as text)`;
  const select = sql`select ${text(o.storeId)}, ${id}, ${text(o.flowId)}, 1, 'c' || ${id}, null, ${due}, 'active', 'hold', ${due}, null, null, 0, ${int(o.now)}, ${int(o.now)}, null, null, 0`;
  const columns = sql`runs (store_id, id, flow_id, flow_version, contact_id, cart_id, episode, state, node_id, due_at, lease_owner, lease_until, holdout, started_at, cart_started_at, ended_at, exit_reason, steps)`;
  // One statement either way: SQLite counts with a recursive CTE, PostgreSQL with generate_series.
  if (dialect === 'sqlite') await sql`with recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${o.n - 1}) insert into ${columns} ${select} from seq`.execute(db);
  else await sql`insert into ${columns} ${select} from generate_series(0, ${o.n - 1}) as g(i)`.execute(db);
}

async function pgAdmin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** Fills the template: `pending` runs due from an hour ahead on, at `rate` per second. */
export async function makeTemplate(dialect: DialectName, o: { pgUrl: string; pending: number; rate: number }): Promise<Template> {
  const tag = `cbbench_duelag_${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-duelag-'));
  const database: Config['database'] = dialect === 'sqlite' ? { kind: 'sqlite', file: path.join(dir, 'template.db') } : { kind: 'postgres', url: withDatabase(o.pgUrl, `${tag}_tpl`) };
  if (database.kind === 'postgres') await pgAdmin(o.pgUrl, `create database ${tag}_tpl`);
  const opened = await openMigrated(database);
  const now = Date.now();
  const { storeId, flowId } = await storeWithWaitFlow(opened.db, now);
  await insertRuns(opened.db, dialect, { storeId, flowId, prefix: 'tail', n: o.pending, firstDue: now + TAIL_AHEAD_MS, rate: o.rate, now });
  if (dialect === 'postgres') await sql`vacuum analyze runs`.execute(opened.db); // a table this size has been analysed by autovacuum
  await opened.close();
  const pgVersion = dialect === 'postgres' ? await serverVersion(o.pgUrl) : 0;
  let copies = 0;
  return {
    dialect, storeId, flowId,
    async copy(): Promise<FreshDb> {
      const n = ++copies;
      if (database.kind === 'sqlite') {
        const file = path.join(dir, `copy-${n}.db`);
        fs.copyFileSync(database.file, file);
        return { database: { kind: 'sqlite', file }, dataDir: dir, cleanup: async () => fs.rmSync(file, { force: true }) };
      }
      const name = `${tag}_${n}`;
      // FILE_COPY copies the files and checkpoints, instead of writing the whole database to the WAL (PostgreSQL 15's default).
      await pgAdmin(o.pgUrl, `create database ${name} template ${tag}_tpl${pgVersion >= 150000 ? ' strategy file_copy' : ''}`);
      return { database: { kind: 'postgres', url: withDatabase(o.pgUrl, name) }, dataDir: dir, cleanup: () => pgAdmin(o.pgUrl, `drop database if exists ${name} with (force)`) };
    },
    async drop() {
      if (database.kind === 'postgres') await pgAdmin(o.pgUrl, `drop database if exists ${tag}_tpl with (force)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function serverVersion(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ v: string }>('show server_version_num')).rows[0]!.v);
  } finally {
    await c.end();
  }
}

/** The measurement window: `n` runs due from `firstDue` on at `rate` per second. */
export async function insertWindow(db: Kysely<DB>, t: Template, o: { n: number; firstDue: number; rate: number }): Promise<void> {
  await insertRuns(db, t.dialect, { storeId: t.storeId, flowId: t.flowId, prefix: 'win', n: o.n, firstDue: o.firstDue, rate: o.rate, now: Date.now() });
}

export interface Stepped { due: number; steppedAt: number | null; steps: number }

/** Every window run: when it was due, when it was stepped (null: not yet), how many times. */
export async function readWindow(db: Kysely<DB>): Promise<Stepped[]> {
  const rows = await db.selectFrom('runs').select(['episode', 'node_id', 'due_at', 'steps']).where('id', '>=', 'win').where('id', '<', 'wio').execute();
  return rows.map((r) => ({ due: Number(r.episode), steppedAt: r.node_id === 'end' ? Number(r.due_at) - WAIT_MS : null, steps: Number(r.steps) }));
}

/** How many window runs have been stepped so far (the progress line). */
export async function countStepped(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('runs').select((eb) => eb.fn.countAll().as('n')).where('id', '>=', 'win').where('id', '<', 'wio').where('node_id', '=', 'end').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Pending runs (due an hour ahead) that were touched: each one was stepped early. */
export async function countTouchedTail(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('runs').select((eb) => eb.fn.countAll().as('n')).where('id', '>=', 'tail').where('id', '<', 'taim').where((eb) => eb.or([eb('steps', '<>', 0), eb('node_id', '<>', 'hold')])).executeTakeFirstOrThrow();
  return Number(r.n);
}

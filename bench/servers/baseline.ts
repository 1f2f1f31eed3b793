/**
 * The baseline: a bare Fastify 5 app whose /v1/track and /v1/batch write the same row shape into
 * the same `events` table (created by Cartback's own migration, so the same columns, unique key and
 * index), and nothing else: no validation, no auth lookup, no contacts, no carts. SQLite through
 * better-sqlite3 with Cartback's pragmas (WAL, synchronous=NORMAL); PostgreSQL through a pg pool of
 * Cartback's size (10). /v1/batch writes its events in one transaction.
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { newId } from '../../src/kernel/ids.ts';
import { migrate, openDatabase } from '../../src/store/db.ts';
import { databaseFromEnv, serve } from './protocol.ts';

const STORE_ID = 'bench-store';
const COLUMNS = ['store_id', 'id', 'message_id', 'type', 'event', 'anonymous_id', 'user_id', 'contact_id', 'occurred_at', 'received_at', 'payload'];
type Row = Array<string | number | null>;
type Msg = { messageId?: string; event?: string; anonymousId?: string; userId?: string; timestamp?: string };

function row(e: Msg, now: number): Row {
  const at = Date.parse(e.timestamp ?? '');
  return [STORE_ID, newId(), e.messageId ?? newId(), 'track', e.event ?? null, e.anonymousId ?? null, e.userId ?? null, null, Number.isNaN(at) ? now : Math.min(at, now), now, JSON.stringify(e)];
}

interface Writer { one(r: Row): Promise<void>; many(rows: Row[]): Promise<void>; count(): Promise<number>; close(): Promise<void> }

function sqliteWriter(file: string): Writer {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(`insert into events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) on conflict (store_id, message_id) do nothing`);
  const insertMany = db.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(r);
  });
  return {
    one: async (r) => void insert.run(r),
    many: async (rows) => insertMany(rows),
    count: async () => (db.prepare('select count(*) as n from events').get() as { n: number }).n,
    close: async () => void db.close(),
  };
}

function postgresWriter(url: string): Writer {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const insert = (n: number) => {
    const values = Array.from({ length: n }, (_, i) => `(${COLUMNS.map((_c, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`);
    return `insert into events (${COLUMNS.join(', ')}) values ${values.join(', ')} on conflict (store_id, message_id) do nothing`;
  };
  const single = insert(1);
  return {
    one: async (r) => void (await pool.query(single, r)),
    async many(rows) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(insert(rows.length), rows.flat());
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    },
    count: async () => Number((await pool.query<{ n: string }>('select count(*) as n from events')).rows[0]!.n),
    close: () => pool.end(),
  };
}

const { database } = databaseFromEnv();
const schema = openDatabase(database);
await migrate(schema);
await schema.close();
const writer = database.kind === 'sqlite' ? sqliteWriter(database.file) : postgresWriter(database.url);

const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
app.post('/v1/track', async (req) => {
  await writer.one(row(req.body as Msg, Date.now()));
  return { success: true, accepted: 1, duplicates: 0 };
});
app.post('/v1/batch', async (req) => {
  const now = Date.now();
  const rows = (req.body as { batch: Msg[] }).batch.map((e) => row(e, now));
  await writer.many(rows);
  return { success: true, accepted: rows.length, duplicates: 0 };
});
await app.listen({ port: 0, host: '127.0.0.1' });
serve((app.server.address() as { port: number }).port, writer.count, async () => {
  await app.close();
  await writer.close();
});

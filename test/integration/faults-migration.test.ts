/**
 * kill -9 in the middle of a migration, on every database. The database is left at 0005 with many
 * events, so that 0006 (three new columns, then a data-moving `update events` over every row)
 * takes long enough to be killed half-way: after its columns were added and before it was
 * recorded. A migration that is not one transaction would leave the columns behind, and every
 * later start would fail on "duplicate column". The restart must finish the schema and lose no row.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { MIGRATIONS, openDatabase, type Database } from '../../src/store/db.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { appName, spawnCli, terminateBackends } from '../harness/faults.ts';
import { spawnCartback, testEnv, type TestEnv } from '../harness/server.ts';

const EVENTS = 60_000;
const BEFORE = '0005_reports';
const PADDING = 'x'.repeat(200);

async function atBefore(database: Config['database']): Promise<Database> {
  const opened = openDatabase(database, { poolSize: 1 });
  const schema = opened.caps.skipLocked ? (await sql<{ s: string }>`select current_schema() as s`.execute(opened.db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db: opened.db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateTo(BEFORE);
  if (error) throw error;
  // One statement on either database: a recursive count, each number an event of the 0005 shape.
  await sql`insert into events (store_id, id, message_id, type, event, anonymous_id, occurred_at, received_at, payload)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(EVENTS)})
    select 'store-m', 'ev-' || i, 'msg-' || i, 'track', 'Product Added', 'anon-' || i, 1700000000000 + i, 1700000000000 + i, ${`{"padding":"${PADDING}"}`} from n`.execute(opened.db);
  return opened;
}

/** Resolves once the migration is moving data: the `update events` is running (PostgreSQL) or writing pages (SQLite's WAL grows). */
async function midMigration(database: Config['database'], pid: number, exited: () => boolean): Promise<void> {
  const pgClient = database.kind === 'postgres' ? new pg.Client({ connectionString: database.url }) : null;
  await pgClient?.connect();
  try {
    for (;;) {
      if (exited()) throw new Error(`the migration ended before it could be killed; raise EVENTS (${EVENTS})`);
      if (pgClient) {
        const { rows } = await pgClient.query<{ query: string }>(`select query from pg_stat_activity where application_name = $1 and state = 'active'`, [appName('migrate', pid)]);
        if (rows.some((r) => /update events set applied_at/i.test(r.query))) return;
      } else if (database.kind === 'sqlite') {
        const wal = fs.statSync(`${database.file}-wal`, { throwIfNoEntry: false });
        if ((wal?.size ?? 0) > 1024 * 1024) return;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await pgClient?.end();
  }
}

for (const dialect of DIALECTS) {
  describe(`kill -9 during a migration on ${dialect.name}`, { skip: dialect.skip }, () => {
    let env: TestEnv;
    after(async () => env?.cleanup());

    test('a migration killed half-way leaves nothing half-done: the restart completes the schema and every row is there', async () => {
      env = await testEnv(dialect);
      const database = loadConfig(env.env).database;
      await (await atBefore(database)).close();

      const migrating = spawnCli(env.env, ['migrate']);
      let code: number | null | undefined;
      void migrating.exited.then((c) => (code = c));
      await midMigration(database, migrating.proc.pid!, () => code !== undefined);
      migrating.proc.kill('SIGKILL');
      assert.equal(await migrating.exited, null, `killed, not finished: ${migrating.output()}`);
      // PostgreSQL would notice the client is gone only once its update ends; end it now (the same rollback, sooner).
      if (database.kind === 'postgres') await terminateBackends(appName('migrate', migrating.proc.pid!));

      const restarted = await spawnCartback(env); // migrates on start; fails if 0006 was left half-applied
      try {
        const check = openDatabase(database, { poolSize: 1 });
        try {
          const done = await check.db.selectFrom('kysely_migration' as never).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow() as { n: number };
          assert.equal(Number(done.n), Object.keys(MIGRATIONS).length, 'every migration is recorded');
          const events = await check.db.selectFrom('events').select([sql<number>`count(*)`.as('n'), sql<number>`sum(case when applied_at = received_at then 1 else 0 end)`.as('moved')]).executeTakeFirstOrThrow();
          assert.equal(Number(events.n), EVENTS, 'no event lost');
          assert.equal(Number(events.moved), EVENTS, "0006's data move is complete on every row");
        } finally {
          await check.close();
        }
      } finally {
        await restarted.stop();
      }
    });
  });
}

/**
 * The due-lag baseline: a bare claim loop on the same `runs` table. One statement claims and
 * "steps" up to BENCH_CLAIM_BATCH due runs (the oldest first) the way Cartback's wait step leaves
 * them (next node, due in 30 days, steps + 1), with FOR UPDATE SKIP LOCKED on PostgreSQL so that
 * several loops share the table; a short batch means nothing more is due, and the loop sleeps
 * BENCH_POLL_MS. No node logic, no leases, no wake-up from the next due time.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { WAIT_MS } from '../duelag/database.ts';
import { databaseFromEnv, serve } from './protocol.ts';

const { database } = databaseFromEnv();
const pollMs = Number(process.env.BENCH_POLL_MS ?? 200);
const batch = Number(process.env.BENCH_CLAIM_BATCH ?? 100);
const claimSql = (p: (n: number) => string, lock: string) =>
  `update runs set node_id = 'end', due_at = ${p(1)} + ${WAIT_MS}, steps = steps + 1 where id in (select id from runs where state = 'active' and due_at <= ${p(1)} order by due_at limit ${p(2)}${lock})`;

let claim: () => Promise<number>;
let close: () => Promise<void>;
if (database.kind === 'sqlite') {
  const db = new SQLite(database.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const stmt = db.prepare(claimSql(() => '?', ''));
  claim = async () => {
    const now = Date.now();
    return stmt.run(now, now, batch).changes;
  };
  close = async () => void db.close();
} else {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const text = claimSql((n) => `$${n}::bigint`, ' for update skip locked');
  claim = async () => (await client.query(text, [Date.now(), batch])).rowCount ?? 0;
  close = () => client.end();
}

let stopped = false;
let passes = 0;
const loop = (async () => {
  while (!stopped) {
    passes++;
    if ((await claim()) < batch) await new Promise((r) => setTimeout(r, pollMs));
  }
})();
serve(0, async () => passes, async () => {
  stopped = true;
  await loop;
  await close();
});

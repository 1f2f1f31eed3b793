/**
 * Waking the workers of a PostgreSQL deployment when an api process accepted events, so that
 * "acknowledged" to "applied" (and a cart's abandonment timer starting) does not wait for a
 * worker's next poll (CARTBACK_POLL_MS, 200 ms by default): LISTEN/NOTIFY on one channel.
 *
 * - `notify()` is called after every accepted request; it is coalesced, so however many requests
 *   arrive, a process sends at most one NOTIFY per `coalesceMs` (one round trip on the pool, not
 *   one per request). A failed NOTIFY is only logged: the poll still finds the events.
 * - `listen(onWake)` holds one connection of its own (LISTEN needs a session that stays open, so
 *   not a pooled one). When that connection dies (a server restart, a terminated backend) it
 *   reconnects with a growing pause (0.5 s doubling to 30 s) and wakes once after reconnecting,
 *   for whatever was notified while it was away.
 *
 * Nothing depends on a notification arriving: it only shortens the wait. SQLite deployments are one
 * process, where ingest wakes the engine directly.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from './schema.ts';

export const WAKE_CHANNEL = 'cartback_wake';

export interface Wakeup {
  notify(): void;
  listen(onWake: () => void): void;
  close(): Promise<void>;
}

export function pgWakeup(db: Kysely<DB>, url: string, applicationName: string, log: Logger, coalesceMs = 20): Wakeup {
  let sending = false;
  let again = false;
  let closed = false;
  let listener: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const send = async (): Promise<void> => {
    sending = true;
    try {
      do {
        again = false;
        await sql`select pg_notify(${WAKE_CHANNEL}, '')`.execute(db).catch((err: unknown) => log.debug({ err }, 'NOTIFY failed; workers find the events at their next poll'));
        await new Promise((r) => setTimeout(r, coalesceMs));
      } while (again && !closed);
    } finally {
      sending = false;
    }
  };

  const connect = async (onWake: () => void, pauseMs: number): Promise<void> => {
    if (closed) return;
    const client = new pg.Client({ connectionString: url, application_name: `${applicationName}-listen` });
    const lost = (err?: Error) => {
      if (listener !== client || closed) return;
      listener = null;
      log.warn({ err }, `the ${WAKE_CHANNEL} listener lost its connection; reconnecting`);
      client.end().catch(() => undefined);
      retry = setTimeout(() => void connect(onWake, 500), 500);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
      if (closed) return void (await client.end());
      listener = client;
      onWake(); // anything notified while this process was not listening
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      if (closed) return;
      const next = Math.min(pauseMs * 2, 30_000);
      log.warn({ err, retryInMs: pauseMs }, `could not LISTEN on ${WAKE_CHANNEL}; the engine polls meanwhile`);
      retry = setTimeout(() => void connect(onWake, next), pauseMs);
    }
  };

  return {
    notify() {
      if (closed) return;
      if (sending) again = true;
      else void send();
    },
    listen(onWake) {
      closed = false;
      void connect(onWake, 500);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = listener;
      listener = null;
      await c?.end().catch(() => undefined);
    },
  };
}

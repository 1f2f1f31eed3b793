/**
 * Admin sessions. The cookie holds 256 random bits; the database keeps only their SHA-256, so a
 * copy of the table signs nobody in. A session ends after IDLE_MS without use, and at the latest
 * ABSOLUTE_MS after sign-in. Each session has its own CSRF token, which the app sends back in the
 * x-csrf-token header of every request that changes something.
 */
import type { Kysely } from 'kysely';
import { randomSecret, sha256 } from '../kernel/ids.ts';
import type { DB } from '../store/schema.ts';
import { deleteSession, findSession, insertSession, purgeExpiredSessions, touchSession, updateUser, type Session } from '../store/queries/users.ts';

export const SESSION_COOKIE = 'cb_session';
export const IDLE_MS = 12 * 3_600_000;
export const ABSOLUTE_MS = 7 * 86_400_000;
const TOUCH_EVERY_MS = 60_000; // a write per minute of use, not per request

export async function startSession(db: Kysely<DB>, userId: string, now: number, userAgent: string | null): Promise<{ cookie: string; session: Session }> {
  const cookie = randomSecret(32);
  const session: Session = {
    id_hash: sha256(cookie), user_id: userId, csrf_token: randomSecret(24), created_at: now, last_seen_at: now,
    expires_at: Math.min(now + IDLE_MS, now + ABSOLUTE_MS), user_agent: userAgent?.slice(0, 300) ?? null,
  };
  await insertSession(db, session);
  await updateUser(db, userId, { last_sign_in_at: now });
  await purgeExpiredSessions(db, now);
  return { cookie, session };
}

/** The live session behind a cookie value, with its idle expiry pushed forward. */
export async function resumeSession(db: Kysely<DB>, cookie: string, now: number): Promise<Session | undefined> {
  const session = await findSession(db, sha256(cookie), now);
  if (!session) return undefined;
  if (now - session.last_seen_at >= TOUCH_EVERY_MS) {
    const expires = Math.min(now + IDLE_MS, session.created_at + ABSOLUTE_MS);
    await touchSession(db, session.id_hash, now, expires);
    return { ...session, last_seen_at: now, expires_at: expires };
  }
  return session;
}

export async function endSession(db: Kysely<DB>, cookie: string): Promise<void> {
  await deleteSession(db, sha256(cookie));
}

/** People who sign in to the admin app, their sessions, and the admin API tokens. */
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../kernel/errors.ts';
import type { DB, SessionTable, UserTable } from '../schema.ts';
import type { Tx } from './contacts.ts';

export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;

/** The stores a user may see; null: every store. */
export function storesOf(u: Pick<User, 'store_ids'>): string[] | null {
  return u.store_ids === null ? null : (JSON.parse(u.store_ids) as string[]);
}

/** What the API shows of a user: never the password hash. */
export function userView(u: User) {
  return {
    id: u.id, email: u.email, name: u.name, locale: u.locale,
    createdAt: new Date(u.created_at).toISOString(), lastSignInAt: u.last_sign_in_at === null ? null : new Date(u.last_sign_in_at).toISOString(),
    stores: storesOf(u),
  };
}

export async function countUsers(db: Tx): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listUsers(db: Tx): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}

export async function findUserByEmail(db: Tx, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function getUser(db: Tx, id: string): Promise<User> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw new AppError('not_found', `no user ${id}`);
  return u;
}

export async function insertUser(db: Tx, user: User): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Tx, id: string, patch: Partial<Pick<User, 'name' | 'locale' | 'password_hash' | 'last_sign_in_at' | 'updated_at'>>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Deletes a user and signs them out everywhere. */
export async function deleteUser(db: Kysely<DB>, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await tx.deleteFrom('users').where('id', '=', id).execute();
  });
}

export async function insertSession(db: Tx, s: Session): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

/** The session behind a cookie's hash, if it has not expired. */
export async function findSession(db: Tx, idHash: string, now: number): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
}

export async function touchSession(db: Tx, idHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Tx, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every other session of a user (after a password change). */
export async function deleteOtherSessions(db: Tx, userId: string, keepIdHash: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  await q.execute();
}

export async function purgeExpiredSessions(db: Tx, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

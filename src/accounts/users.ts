/**
 * Admin users: creating them (the first one through the one-time setup link, the others by a
 * signed-in user, the API or `cartback user create`), checking a sign-in, changing a password.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from '../kernel/password.ts';
import type { DB } from '../store/schema.ts';
import { findUserByEmail, getUser, insertUser, updateUser, type User } from '../store/queries/users.ts';

export const UI_LOCALES = ['en', 'zh-CN'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUser { email: string; name?: string; password: string; locale?: UiLocale; /** the stores they may see; absent or null: every store */ stores?: string[] | null }

export async function createUser(db: Kysely<DB>, input: NewUser, now: number): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new AppError('invalid_body', `${JSON.stringify(input.email)} is not an email address`);
  const weak = passwordProblem(input.password);
  if (weak) throw new AppError('weak_password', weak);
  if (await findUserByEmail(db, email)) throw new AppError('conflict', `a user with the email ${email} exists already`);
  const user: User = {
    id: newId(), email, name: input.name?.trim() || email.split('@')[0]!, password_hash: await hashPassword(input.password),
    locale: input.locale ?? 'en', created_at: now, updated_at: now, last_sign_in_at: null, store_ids: input.stores ? JSON.stringify([...new Set(input.stores)]) : null,
  };
  await insertUser(db, user);
  return user;
}

/** The user whose email and password these are. Takes as long whether or not the email exists. */
export async function checkCredentials(db: Kysely<DB>, email: string, password: string): Promise<User> {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) throw new AppError('invalid_credentials', 'the email or the password is wrong');
  return user;
}

export interface ProfileChange { name?: string; locale?: UiLocale; password?: string; currentPassword?: string }

/** Name and language change freely; a new password needs the current one. Returns whether the password changed. */
export async function changeProfile(db: Kysely<DB>, userId: string, change: ProfileChange, now: number): Promise<{ user: User; passwordChanged: boolean }> {
  const user = await getUser(db, userId);
  let password_hash: string | undefined;
  if (change.password !== undefined) {
    if (!change.currentPassword || !(await verifyPassword(change.currentPassword, user.password_hash))) throw new AppError('invalid_credentials', 'the current password is wrong');
    const weak = passwordProblem(change.password);
    if (weak) throw new AppError('weak_password', weak);
    password_hash = await hashPassword(change.password);
  }
  const name = change.name?.trim();
  await updateUser(db, userId, { ...(name ? { name } : {}), ...(change.locale ? { locale: change.locale } : {}), ...(password_hash ? { password_hash } : {}), updated_at: now });
  return { user: await getUser(db, userId), passwordChanged: password_hash !== undefined };
}

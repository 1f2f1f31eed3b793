/**
 * Who is calling. Ingest authenticates with a store's write key, as Segment does: HTTP Basic with
 * the key as user name and an empty password, or `Authorization: Bearer <key>`. The admin API takes
 * either an API token (Bearer, for scripts) or the admin app's session cookie; a cookie-borne
 * request that changes something must also carry the session's CSRF token in x-csrf-token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { resumeSession, SESSION_COOKIE } from '../accounts/sessions.ts';
import { AppError } from '../kernel/errors.ts';
import { checkApiToken } from '../store/queries/instance.ts';
import { findStoreByWriteKey, type Store } from '../store/queries/stores.ts';
import { storesOf, type Session } from '../store/queries/users.ts';
import type { DB } from '../store/schema.ts';

/** Who is calling the admin API; `stores` is what they may see (null: every store). */
export type Principal = ({ kind: 'token'; tokenId: string } | { kind: 'session'; userId: string; session: Session; cookie: string }) & { stores: string[] | null };

declare module 'fastify' {
  interface FastifyRequest {
    /** set by the admin gate on every /api request that got through */
    principal?: Principal;
  }
}

/** Admin routes anyone may call: signing in and the first-user setup. Everything else under /api needs a principal. */
const OPEN: ReadonlyArray<readonly [string, string]> = [
  ['POST', '/api/session'],
  ['GET', '/api/setup'],
  ['POST', '/api/setup'],
];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function credential(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const [scheme, value] = h.split(' ', 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(0, decoded.indexOf(':') < 0 ? undefined : decoded.indexOf(':')) || null;
  }
  return null;
}

export async function storeFromWriteKey(db: Kysely<DB>, req: FastifyRequest): Promise<Store> {
  const key = credential(req);
  const store = key ? await findStoreByWriteKey(db, key) : undefined;
  if (!store) throw new AppError('unauthorized', 'a valid write key is required (HTTP Basic user, or Bearer)');
  return store;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The admin gate: sets req.principal or throws 401 unauthorized / 403 csrf_failed. */
export async function requireAdmin(db: Kysely<DB>, req: FastifyRequest, now: number): Promise<void> {
  const path = req.url.split('?')[0];
  if (OPEN.some(([m, p]) => m === req.method && p === path)) return;
  if (req.headers.authorization) {
    const token = credential(req);
    const found = token ? await checkApiToken(db, token, now) : null;
    if (!found) throw new AppError('unauthorized', 'this API token is not valid (revoked, or mistyped)');
    req.principal = { kind: 'token', tokenId: found.id, stores: found.storeId === null ? null : [found.storeId] };
    return;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  const session = cookie ? await resumeSession(db, cookie, now) : undefined;
  if (!cookie || !session) throw new AppError('unauthorized', 'sign in, or send an API token: Authorization: Bearer <token>');
  if (!SAFE_METHODS.has(req.method) && !sameToken(req.headers['x-csrf-token'] as string | undefined, session.csrf_token)) {
    throw new AppError('csrf_failed', 'this change needs the x-csrf-token header of your session (GET /api/session gives it)');
  }
  const user = await db.selectFrom('users').select('store_ids').where('id', '=', session.user_id).executeTakeFirst();
  if (!user) throw new AppError('unauthorized', 'this user no longer exists');
  req.principal = { kind: 'session', userId: session.user_id, session, cookie, stores: storesOf(user) };
}

/** The signed-in user behind a request, for routes that only make sense for a person. */
export function sessionUser(req: FastifyRequest): { userId: string; cookie: string; session: Session } {
  const p = req.principal;
  if (p?.kind !== 'session') throw new AppError('forbidden', 'this needs a signed-in user, not an API token');
  return p;
}

/** OpenAPI: admin routes take an API token or the admin app's session. */
export const ADMIN_SECURITY: Array<Record<string, string[]>> = [{ apiToken: [] }, { session: [] }];

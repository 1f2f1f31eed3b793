/**
 * Who is calling. Ingest authenticates with a store's write key, as Segment does: HTTP Basic with
 * the key as user name and an empty password, or `Authorization: Bearer <key>`. The admin API takes
 * an API token as a bearer token.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import { checkApiToken } from '../store/queries/instance.ts';
import { findStoreByWriteKey, type Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';

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

export async function requireAdmin(db: Kysely<DB>, req: FastifyRequest): Promise<void> {
  const token = credential(req);
  if (!token || !(await checkApiToken(db, token))) throw new AppError('unauthorized', 'an API token is required: Authorization: Bearer <token>');
}

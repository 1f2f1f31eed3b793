/**
 * Store scopes: a token made for one store, or a user limited to some stores, sees those stores
 * and nothing else. Checked once for every /api route, after routing (so the :storeId of the route
 * is known): a store outside the scope is answered as if it did not exist (404 store_not_found,
 * nothing about it revealed); a route that is not about one store is refused (403 forbidden)
 * unless it is on the short list below: deny by default, so a new instance-wide route is closed
 * to scoped callers until someone decides otherwise.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';

/** Instance routes a scoped caller may use (GET /api/stores answers only their stores). */
const SCOPED_OK = new Set([
  'GET /api/stores',
  'GET /api/session',
  'DELETE /api/session',
  'PATCH /api/users/me',
  'GET /api/flow-templates',
]);

export function checkScope(req: FastifyRequest): void {
  const stores = req.principal?.stores;
  if (!stores) return; // unscoped, or an open route
  const storeId = (req.params as { storeId?: unknown } | undefined)?.storeId;
  if (typeof storeId === 'string') {
    if (!stores.includes(storeId)) throw new AppError('store_not_found', `no store with id ${storeId}`);
    return;
  }
  if (!SCOPED_OK.has(`${req.method} ${req.routeOptions.url}`)) throw new AppError('forbidden', 'this credential is for some stores only; this route is for the whole instance');
}

/** Whether the caller may see this store (for lists). */
export const maySee = (req: FastifyRequest, storeId: string): boolean => !req.principal?.stores || req.principal.stores.includes(storeId);

/**
 * Admin API for carts and contacts: searchable lists, a contact's timeline with the reason for
 * every message, and the discount codes Cartback issued.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { AppError } from '../../kernel/errors.ts';
import { contactTimeline } from '../../reports/timeline.ts';
import { searchCarts, searchContacts, type CartQuery, type ContactQuery } from '../../store/queries/search.ts';
import { getStore } from '../../store/queries/stores.ts';
import { ADMIN_SECURITY as sec } from '../auth.ts';
import { StoreParams } from './stores.ts';

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 }));
const Before = Type.Optional(Type.Integer({ description: 'paging: the last row\'s time (epoch ms) of the previous page' }));
const BeforeId = Type.Optional(Type.String({ maxLength: 64, description: 'paging, with `before`: the last row\'s id, so rows sharing that time are not skipped' }));
const Instant = (d: string) => Type.Optional(Type.String({ description: `ISO 8601 instant: ${d}` }));

function instant(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new AppError('invalid_query', `${name} must be an ISO 8601 instant`);
  return t;
}

export const peopleRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.get('/api/stores/:storeId/carts', {
    schema: {
      tags: ['carts'], summary: 'Carts, latest activity first, with their shopper; filter by status, value (minor units), activity period, or a query (email prefix or cart id)', security: sec, params: StoreParams,
      querystring: Type.Object({
        status: Type.Optional(Type.Union(['active', 'abandoned', 'recovered', 'purchased', 'expired'].map((x) => Type.Literal(x)))), q: Type.Optional(Type.String({ maxLength: 200 })),
        minValue: Type.Optional(Type.Integer({ minimum: 0 })), maxValue: Type.Optional(Type.Integer({ minimum: 0 })), from: Instant('last activity at or after'), to: Instant('last activity before'), limit: Limit, before: Before, beforeId: BeforeId,
      }),
    },
  }, async (req) => {
    const store = await storeOf(req);
    const q = req.query as Omit<CartQuery, 'from' | 'to' | 'limit'> & { from?: string; to?: string; limit?: number };
    return searchCarts(db, store.id, { ...q, from: instant(q.from, 'from'), to: instant(q.to, 'to'), limit: q.limit ?? 50 });
  });

  app.get('/api/stores/:storeId/contacts', {
    schema: {
      tags: ['contacts'], summary: 'Contacts, newest first; search by email prefix or part of a name, or find one by exact email', security: sec, params: StoreParams,
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200 })), email: Type.Optional(Type.String({ maxLength: 320 })),
        status: Type.Optional(Type.Union([Type.Literal('subscribed'), Type.Literal('unsubscribed'), Type.Literal('suppressed')])),
        simulated: Type.Optional(Type.Boolean({ description: 'only demo data (true) or only real shoppers (false)' })), limit: Limit, before: Before, beforeId: BeforeId,
      }),
    },
  }, async (req) => searchContacts(db, (await storeOf(req)).id, { ...(req.query as ContactQuery), limit: (req.query as { limit?: number }).limit ?? 50 }));

  app.get('/api/stores/:storeId/contacts/:contactId', {
    schema: { tags: ['contacts'], summary: 'A contact with the timeline of their events, flow runs, messages (sent or skipped, and why), opens, clicks and orders', security: sec, params: Type.Object({ ...StoreParams.properties, contactId: Type.String({ maxLength: 64 }) }) },
  }, async (req) => contactTimeline(db, (await storeOf(req)).id, (req.params as { contactId: string }).contactId));

  app.get('/api/stores/:storeId/discounts/:code', {
    schema: { tags: ['discounts'], summary: 'Look up a discount code Cartback issued: what it gives, to whom, until when, and whether it was used', security: sec, params: Type.Object({ ...StoreParams.properties, code: Type.String({ maxLength: 64 }) }) },
  }, async (req) => {
    const store = await storeOf(req);
    const code = (req.params as { code: string }).code.trim().toUpperCase();
    const row = await db.selectFrom('discount_codes').selectAll().where('store_id', '=', store.id).where('code', '=', code).executeTakeFirst();
    if (!row) throw new AppError('not_found', `no discount code ${code} in this store`);
    const now = s.clock.now();
    return {
      code: row.code, kind: row.kind, value: row.value, currency: row.currency, contactId: row.contact_id, messageId: row.message_id,
      expiresAt: new Date(row.expires_at).toISOString(), createdAt: new Date(row.created_at).toISOString(),
      valid: row.expires_at > now && row.redeemed_order_id === null, redeemedOrderId: row.redeemed_order_id,
    };
  });
};

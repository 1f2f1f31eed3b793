/** Admin API, read side: stats, carts, a contact's timeline, messages, and the dev mailbox. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { AppError } from '../../kernel/errors.ts';
import { contactTimeline } from '../../reports/timeline.ts';
import { storeDashboard } from '../../reports/dashboard.ts';
import { storeStats } from '../../reports/stats.ts';
import { listCarts } from '../../store/queries/carts.ts';
import { getStore } from '../../store/queries/stores.ts';
import { period, Period } from './period.ts';
import { StoreParams } from './stores.ts';
import { ADMIN_SECURITY } from '../auth.ts';

const sec = ADMIN_SECURITY;

export const reportRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.get('/api/stores/:storeId/stats', {
    schema: { tags: ['reports'], summary: 'Recovery per flow and step/variant, with the lift over the holdout group (default: last 30 days)', security: sec, params: StoreParams, querystring: Period },
  }, async (req) => {
    const store = await storeOf(req);
    const { from, to } = period(req.query as object, s.clock.now());
    return storeStats(db, store, from, to);
  });

  app.get('/api/stores/:storeId/dashboard', {
    schema: { tags: ['reports'], summary: "The dashboard: headline figures, lift over the holdout with its 95% interval, funnel, daily series in the store's time zone, flows and steps, revenue estimate", security: sec, params: StoreParams, querystring: Period },
  }, async (req) => {
    const store = await storeOf(req);
    const { from, to } = period(req.query as object, s.clock.now());
    return storeDashboard(db, store, from, to);
  });

  app.get('/api/stores/:storeId/carts', {
    schema: { tags: ['carts'], security: sec, params: StoreParams, querystring: Type.Object({ status: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })), before: Type.Optional(Type.Integer()) }) },
  }, async (req) => {
    const store = await storeOf(req);
    const q = req.query as { status?: string; limit?: number; before?: number };
    return listCarts(db, store.id, { status: q.status, limit: q.limit ?? 50, before: q.before });
  });

  app.get('/api/stores/:storeId/contacts/:contactId', {
    schema: { tags: ['contacts'], summary: "A contact with the timeline of their events, carts, messages (sent or skipped, and why) and orders", security: sec, params: Type.Object({ ...StoreParams.properties, contactId: Type.String({ maxLength: 64 }) }) },
  }, async (req) => contactTimeline(db, (await storeOf(req)).id, (req.params as { contactId: string }).contactId));

  app.get('/api/stores/:storeId/contacts', {
    schema: { tags: ['contacts'], summary: 'Find contacts by email', security: sec, params: StoreParams, querystring: Type.Object({ email: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }) },
  }, async (req) => {
    const store = await storeOf(req);
    const q = req.query as { email?: string; limit?: number };
    let query = db.selectFrom('contacts').selectAll().where('store_id', '=', store.id);
    if (q.email) query = query.where('email', '=', q.email.trim().toLowerCase());
    return query.orderBy('created_at', 'desc').limit(q.limit ?? 50).execute();
  });

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

  app.get('/api/stores/:storeId/mailbox', {
    schema: { tags: ['mailbox'], summary: 'The dev mailbox: messages delivered without SMTP, newest first', security: sec, params: StoreParams, querystring: Type.Object({ to: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }) },
  }, async (req) => {
    const store = await storeOf(req);
    const q = req.query as { to?: string; limit?: number };
    let query = db.selectFrom('mailbox').selectAll().where('store_id', '=', store.id);
    if (q.to) query = query.where('to_address', '=', q.to);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit ?? 50).execute();
    return rows.map((r) => ({ ...r, headers: JSON.parse(r.headers) as Record<string, string>, createdAt: new Date(r.created_at).toISOString() }));
  });
};

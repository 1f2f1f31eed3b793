/** Admin API for the dev mailbox: mail delivered without SMTP, with its HTML, text and headers. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { AppError } from '../../kernel/errors.ts';
import { getStore } from '../../store/queries/stores.ts';
import type { MailboxTable } from '../../store/schema.ts';
import { ADMIN_SECURITY as sec } from '../auth.ts';
import { StoreParams } from './stores.ts';

const view = (r: MailboxTable) => ({ ...r, headers: JSON.parse(r.headers) as Record<string, string>, createdAt: new Date(r.created_at).toISOString() });

export const mailboxRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.get('/api/stores/:storeId/mailbox', {
    schema: {
      tags: ['mailbox'], summary: 'The dev mailbox: messages delivered without SMTP, newest first (with summary=true: without the bodies)', security: sec, params: StoreParams,
      querystring: Type.Object({ to: Type.Optional(Type.String()), q: Type.Optional(Type.String({ maxLength: 200 })), summary: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })), before: Type.Optional(Type.Integer({ description: 'paging: the last message\'s created_at (epoch ms)' })), beforeId: Type.Optional(Type.String({ maxLength: 64, description: 'paging: the last message\'s id, so messages of the same millisecond are not skipped' })) }),
    },
  }, async (req) => {
    const store = await storeOf(req);
    const q = req.query as { to?: string; q?: string; summary?: boolean; limit?: number; before?: number; beforeId?: string };
    let query = db.selectFrom('mailbox').selectAll().where('store_id', '=', store.id);
    if (q.to) query = query.where('to_address', '=', q.to);
    if (q.q) query = query.where((eb) => eb.or([eb('to_address', 'like', `%${q.q}%`), eb('subject', 'like', `%${q.q}%`)]));
    const { before, beforeId } = q;
    if (before !== undefined) {
      query = beforeId === undefined ? query.where('created_at', '<', before)
        : query.where((eb) => eb.or([eb('created_at', '<', before), eb.and([eb('created_at', '=', before), eb('id', '<', beforeId)])]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit ?? 50).execute();
    return rows.map((r) => (q.summary ? { id: r.id, message_id: r.message_id, to_address: r.to_address, from_address: r.from_address, subject: r.subject, created_at: r.created_at, createdAt: new Date(r.created_at).toISOString() } : view(r)));
  });

  app.get('/api/stores/:storeId/mailbox/:mailId', {
    schema: { tags: ['mailbox'], summary: 'One delivered message: HTML, text and headers', security: sec, params: Type.Object({ ...StoreParams.properties, mailId: Type.String({ maxLength: 64 }) }) },
  }, async (req) => {
    const store = await storeOf(req);
    const row = await db.selectFrom('mailbox').selectAll().where('store_id', '=', store.id).where('id', '=', (req.params as { mailId: string }).mailId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'no such message in this store\'s mailbox');
    return view(row);
  });
};

/**
 * Admin API for data-protection requests about one person: export everything Cartback holds about
 * them (a JSON download), and erase it. Both by contact id (the admin app) or by email address (a
 * data subject writes in with their address). Erasure answers with what went, per table;
 * `dryRun=true` answers the same without deleting (what a confirmation dialog shows).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { eraseContact } from '../../privacy/erase.ts';
import { exportContact } from '../../privacy/export.ts';
import type { Subject } from '../../store/queries/data-subject.ts';
import { getStore } from '../../store/queries/stores.ts';
import { ADMIN_SECURITY as sec } from '../auth.ts';
import { StoreParams } from './stores.ts';

const ContactParams = Type.Object({ ...StoreParams.properties, contactId: Type.String({ maxLength: 64 }) });
const ByEmail = Type.Object({ email: Type.String({ minLength: 3, maxLength: 320, description: 'the address the person gives; matched normalized (trimmed, lower case)' }) });
const DryRun = { dryRun: Type.Optional(Type.Boolean({ default: false, description: 'say what would be deleted, delete nothing' })) };
const Counts = Type.Record(Type.String(), Type.Integer());
const Erased = Type.Object({
  contactIds: Type.Array(Type.String()),
  deleted: Counts,
  anonymized: Type.Object({ orders: Type.Integer({ description: 'orders kept for the revenue figures, without anything that leads back to the person' }) }),
  suppressions: Type.Integer({ description: 'addresses kept only as a SHA-256, because the person had unsubscribed or was suppressed' }),
  dryRun: Type.Boolean(),
});

export const privacyRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const storeIdOf = (req: FastifyRequest) => (req.params as { storeId: string }).storeId;
  const subjectOf = (req: FastifyRequest): Subject => {
    const { contactId } = req.params as { contactId?: string };
    return contactId !== undefined ? { contactId } : { email: (req.query as { email: string }).email };
  };

  const download = async (req: FastifyRequest, reply: FastifyReply) => {
    const store = await getStore(s.database.db, storeIdOf(req));
    const doc = await exportContact(s.database.db, store, subjectOf(req), s.clock.now());
    const first = (doc.contacts as Array<{ id: string }>)[0]!.id;
    return reply.header('content-disposition', `attachment; filename="cartback-contact-${first}.json"`).header('cache-control', 'no-store').send(doc);
  };
  const erase = async (req: FastifyRequest) => {
    const store = await getStore(s.database.db, storeIdOf(req));
    const result = await eraseContact(s.database, store.id, subjectOf(req), { now: s.clock.now(), dryRun: (req.query as { dryRun?: boolean }).dryRun });
    if (!result.dryRun) req.log.info({ storeId: store.id, contactIds: result.contactIds, deleted: result.deleted }, 'contact erased');
    return result;
  };

  const exportSummary = 'Everything Cartback holds about one person, as a JSON file: contact, identities, carts, orders, raw events, runs, messages, link events, discount codes, dev-mailbox copies';
  app.get('/api/stores/:storeId/contacts/:contactId/export', { schema: { tags: ['privacy'], summary: exportSummary, security: sec, params: ContactParams } }, download);
  app.get('/api/stores/:storeId/contacts/export', { schema: { tags: ['privacy'], summary: `${exportSummary} (found by email address)`, security: sec, params: StoreParams, querystring: ByEmail } }, download);

  const eraseSummary = 'Erase one person: the contact and everything attached, in one transaction. Orders stay as anonymous totals; an opt-out stays as a hash of the address';
  app.delete('/api/stores/:storeId/contacts/:contactId', { schema: { tags: ['privacy'], summary: eraseSummary, security: sec, params: ContactParams, querystring: Type.Object(DryRun), response: { 200: Erased } } }, erase);
  app.delete('/api/stores/:storeId/contacts', { schema: { tags: ['privacy'], summary: `${eraseSummary} (found by email address)`, security: sec, params: StoreParams, querystring: Type.Object({ ...ByEmail.properties, ...DryRun }), response: { 200: Erased } } }, erase);
};

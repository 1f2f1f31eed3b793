/**
 * Admin API: stores, their settings and keys. Authentication is checked for all of /api in app.ts;
 * every store-scoped route checks that the store exists. The CLI calls the same services.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { checkSender } from '../../channels/email/dns/checks.ts';
import { DnsLookup } from '../../channels/email/dns/lookup.ts';
import { senderSetup } from '../../channels/email/dns/senders.ts';
import { DeliverabilityReport } from '../../contracts/deliverability.ts';
import { StoreCreate, StoreCreated, StoreSettingsPatch, StoreView } from '../../contracts/store.ts';
import { storeActivity } from '../../reports/activity.ts';
import { getStore, listStores, rotatePublicKey, rotateWriteKey, storeView, updateStore } from '../../store/queries/stores.ts';
import { createStore } from '../../stores/create-store.ts';
import { ADMIN_SECURITY } from '../auth.ts';
import { maySee } from '../scope.ts';

export const StoreParams = Type.Object({ storeId: Type.String({ maxLength: 64 }) });
const sec = ADMIN_SECURITY;
const ConnectInfo = Type.Object({ publicUrl: Type.String(), snippetUrl: Type.String(), trackUrl: Type.String(), shopifyWebhookUrl: Type.String(), woocommerceWebhookUrl: Type.String(), bounceWebhookUrl: Type.String() });

export const storeRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.post('/api/stores', { schema: { tags: ['stores'], summary: 'Create a store (its write key is shown once)', security: sec, body: StoreCreate, response: { 201: StoreCreated } } }, async (req, reply) => {
    const { store, writeKey } = await createStore(db, req.body as { name: string }, s.clock.now());
    return reply.status(201).send({ ...storeView(store), writeKey });
  });
  app.get('/api/stores', { schema: { tags: ['stores'], security: sec, response: { 200: Type.Array(StoreView) } } }, async (req) => (await listStores(db)).filter((st) => maySee(req, st.id)).map(storeView));
  app.get('/api/stores/:storeId', { schema: { tags: ['stores'], security: sec, params: StoreParams, response: { 200: StoreView } } }, async (req) => storeView(await storeOf(req)));
  app.patch('/api/stores/:storeId', {
    schema: { tags: ['stores'], summary: 'Change name or settings', security: sec, params: StoreParams, body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), settings: Type.Optional(StoreSettingsPatch) }, { additionalProperties: false }), response: { 200: StoreView } },
  }, async (req) => storeView(await updateStore(db, (await storeOf(req)).id, req.body as object, s.clock.now())));
  app.post('/api/stores/:storeId/write-key', { schema: { tags: ['stores'], summary: 'Rotate the write key; the old one stops working', security: sec, params: StoreParams, response: { 200: Type.Object({ writeKey: Type.String() }) } } }, async (req) => ({
    writeKey: await rotateWriteKey(db, (await storeOf(req)).id, s.clock.now()),
  }));
  app.post('/api/stores/:storeId/public-key', { schema: { tags: ['stores'], summary: 'Rotate the public (snippet) key; pages with the old one stop reporting until updated', security: sec, params: StoreParams, response: { 200: Type.Object({ publicKey: Type.String() }) } } }, async (req) => ({
    publicKey: await rotatePublicKey(db, (await storeOf(req)).id, s.clock.now()),
  }));

  // The admin app cannot know CARTBACK_PUBLIC_URL (it may be opened at another address), yet the
  // snippet tag and webhook URLs it shows must be the ones shoppers and platforms can reach.
  app.get('/api/stores/:storeId/connect', {
    schema: { tags: ['stores'], summary: 'Where the snippet, platform webhooks and the server API send to (from CARTBACK_PUBLIC_URL)', security: sec, params: StoreParams, response: { 200: ConnectInfo } },
  }, async (req) => {
    const { id } = await storeOf(req);
    const base = s.config.publicUrl;
    return { publicUrl: base, snippetUrl: `${base}/snippet.js`, trackUrl: `${base}/v1/track`, shopifyWebhookUrl: `${base}/v1/webhooks/shopify/${id}`, woocommerceWebhookUrl: `${base}/v1/webhooks/woocommerce/${id}`, bounceWebhookUrl: `${base}/v1/webhooks/bounces/${id}` };
  });

  app.get('/api/stores/:storeId/activity', {
    schema: { tags: ['stores'], summary: 'Events received lately and where from (snippet, Shopify, WooCommerce, server API): is the store connected?', security: sec, params: StoreParams },
  }, async (req) => storeActivity(db, (await storeOf(req)).id, s.clock.now()));

  // Asks DNS only (CARTBACK_DNS_SERVER, else the system's resolvers), a few seconds at most; the
  // same checks `cartback doctor` prints for every sender in use.
  app.get('/api/stores/:storeId/deliverability', {
    schema: { tags: ['stores'], summary: "SPF, DKIM and DMARC of the store's sender domain: ok, warn or fail, what to fix, and the records to publish", security: sec, params: StoreParams, response: { 200: DeliverabilityReport } },
  }, async (req) => {
    const store = await storeOf(req);
    const report = await checkSender(new DnsLookup(s.config.dnsServer), senderSetup(store, { dkim: s.config.dkim, smtpUrl: s.config.smtp?.url ?? null }));
    return { ...report, dnsServer: s.config.dnsServer, checkedAt: new Date(s.clock.now()).toISOString() };
  });

  app.post('/api/stores/:storeId/mail/verify', {
    schema: { tags: ['stores'], summary: "Check that the store's mail server accepts a connection and the credentials", security: sec, params: StoreParams, response: { 200: Type.Object({ ok: Type.Boolean(), mailer: Type.String(), error: Type.Optional(Type.String()) }) } },
  }, async (req) => {
    const mailer = s.mailers.for(await storeOf(req));
    try {
      await mailer.verify();
      return { ok: true, mailer: mailer.label };
    } catch (err) {
      return { ok: false, mailer: mailer.label, error: (err as Error).message };
    }
  });
};

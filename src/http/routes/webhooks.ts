/**
 * Platform webhooks: POST /v1/webhooks/shopify/:storeId and /v1/webhooks/woocommerce/:storeId.
 *
 * The signature is an HMAC of the exact body bytes, so this plugin (and only this one: Fastify
 * encapsulates parsers per plugin) keeps every body raw. Order of checks: the store exists (404),
 * the signature matches its secret (401, nothing stored, nothing parsed), the body is JSON (parsed
 * keeping 64-bit ids exact), then the translated events are accepted like /v1/track's,
 * in one statement. The 200 is sent once that has committed; platforms retry anything else.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { acceptEvents } from '../../ingest/accept.ts';
import { acceptAndApply } from '../../ingest/ingest.ts';
import { MAX_DEPTH, nestedDeeperThan } from '../../ingest/segment.ts';
import type { Delivery, SourceMessage } from '../../ingest/sources/common.ts';
import { toEvents } from '../../ingest/sources/common.ts';
import { parseJsonExact } from '../../ingest/sources/json.ts';
import { shopifyMessages } from '../../ingest/sources/shopify.ts';
import { validSignature } from '../../ingest/sources/signature.ts';
import { woocommerceMessages } from '../../ingest/sources/woocommerce.ts';
import { AppError } from '../../kernel/errors.ts';
import { getStore, type Store } from '../../store/queries/stores.ts';

// Larger than the ingest limit: a big order is one webhook, and a 413 would be retried for days.
const BODY_LIMIT = 2 * 1024 * 1024;
const Params = Type.Object({ storeId: Type.String({ maxLength: 64 }) });
const Accepted = Type.Object({
  success: Type.Boolean(),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  applied: Type.Optional(Type.Boolean()),
  ignored: Type.Optional(Type.String({ description: 'why nothing was done: a topic Cartback does not use, or a ping' })),
});

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

interface Platform {
  name: string;
  secret: (store: Store) => string;
  signatureHeader: string;
  topicHeader: string;
  deliveryHeader: string;
  translate: (d: Delivery, body: unknown) => SourceMessage[] | null;
}

const SHOPIFY: Platform = {
  name: 'Shopify', secret: (st) => st.settings.shopifyWebhookSecret, signatureHeader: 'x-shopify-hmac-sha256',
  topicHeader: 'x-shopify-topic', deliveryHeader: 'x-shopify-webhook-id', translate: shopifyMessages,
};
const WOOCOMMERCE: Platform = {
  name: 'WooCommerce', secret: (st) => st.settings.woocommerceWebhookSecret, signatureHeader: 'x-wc-webhook-signature',
  topicHeader: 'x-wc-webhook-topic', deliveryHeader: 'x-wc-webhook-delivery-id', translate: woocommerceMessages,
};

/** WooCommerce's test delivery when a webhook is saved: form-encoded `webhook_id=<n>`, unsigned. */
const isWooPing = (req: FastifyRequest, raw: Buffer) => header(req, WOOCOMMERCE.signatureHeader) === undefined && /^webhook_id=\d+$/.test(raw.toString('utf8').trim());

export const webhookRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  // Every media type, and none (WooCommerce's ping may come without one), is kept as raw bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

  const receive = async (req: FastifyRequest, p: Platform) => {
    const store = await getStore(s.database.db, (req.params as { storeId: string }).storeId);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (p === WOOCOMMERCE && isWooPing(req, raw)) return { success: true, accepted: 0, duplicates: 0, ignored: 'ping' };
    const secret = p.secret(store);
    if (!secret) throw new AppError('invalid_signature', `this store has no ${p.name} webhook secret; set it with PATCH /api/stores/:id (settings)`);
    if (!validSignature(secret, raw, req.headers[p.signatureHeader])) throw new AppError('invalid_signature', `the ${p.signatureHeader} signature does not match this store's ${p.name} webhook secret`);

    let body: unknown;
    try {
      body = parseJsonExact(raw.toString('utf8'));
    } catch (err) {
      throw new AppError('invalid_json', `the body is not JSON: ${(err as Error).message}`);
    }
    // The platform's record is stored with its events; a nest that deep would overflow the stack writing it.
    if (nestedDeeperThan(body, MAX_DEPTH)) throw new AppError('invalid_event', `the body is nested deeper than ${MAX_DEPTH} levels; nothing was stored`);
    const topic = header(req, p.topicHeader) ?? '';
    const messages = p.translate({ topic, deliveryId: header(req, p.deliveryHeader) ?? null }, body);
    if (messages === null) return { success: true, accepted: 0, duplicates: 0, ignored: `topic ${topic || '(none)'} is not used by Cartback` };
    const events = toEvents(messages, s.clock.now());
    const wait = (req.query as { wait?: string }).wait === 'applied';
    const r = wait ? await acceptAndApply(s.database, s.applier, store, events, s.clock.now()) : await acceptEvents(s.database, store, events, s.clock.now());
    if (!wait && r.accepted > 0) s.worker.wake();
    s.metrics.events.inc({ result: 'accepted' }, r.accepted);
    s.metrics.events.inc({ result: 'duplicate' }, r.duplicates);
    return { success: true, ...r };
  };

  const doc = (summary: string, description: string) => ({
    bodyLimit: BODY_LIMIT,
    schema: { summary, description, tags: ['webhooks'], params: Params, querystring: Type.Object({ wait: Type.Optional(Type.Literal('applied', { description: 'answer once the delivery is applied (for testing an integration)' })) }), response: { 200: Accepted } },
  });
  app.post('/v1/webhooks/shopify/:storeId', doc(
    'Shopify webhook (checkouts/create, checkouts/update, orders/create, orders/paid, customers/update)',
    'Signed with X-Shopify-Hmac-Sha256 (the store setting shopifyWebhookSecret); the topic is X-Shopify-Topic, retries repeat X-Shopify-Webhook-Id.',
  ), async (req) => receive(req, SHOPIFY));
  app.post('/v1/webhooks/woocommerce/:storeId', doc(
    'WooCommerce webhook (order.created, order.updated; the unsigned ping is answered)',
    'Signed with X-WC-Webhook-Signature (the store setting woocommerceWebhookSecret); the topic is X-WC-Webhook-Topic.',
  ), async (req) => receive(req, WOOCOMMERCE));
};

/**
 * The browser side: /snippet.js, and the endpoints it calls with the store's PUBLIC key. A public key
 * is not a secret (it is in every page), so these do only what a browser may do: record track and
 * identify calls for the visitor (never orders: revenue comes from the shop's server or webhooks),
 * and read the cart behind a restore token. They answer only pages of the store's own origins
 * (CORS), and are rate limited per address.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { returnVisit } from '../../carts/return-visit.ts';
import { EVENTS } from '../../contracts/segment.ts';
import { acceptEvents } from '../../ingest/accept.ts';
import { normalize } from '../../ingest/segment.ts';
import { AppError } from '../../kernel/errors.ts';
import { findMessage } from '../../links/record.ts';
import { getCart } from '../../store/queries/carts.ts';
import { findStoreByPublicKey, type Store } from '../../store/queries/stores.ts';
import { buildSnippet } from '../../../snippet/build.ts';

const SERVER_ONLY_EVENTS = new Set<string>([EVENTS.orderCompleted, EVENTS.orderRefunded]);
const Key = Type.Object({ key: Type.String({ maxLength: 100 }) });

/** Origins a store's pages are served from: its domain, the ones it lists, and Cartback itself (demo). */
function allowedOrigin(store: Store, origin: string | undefined, publicUrl: string, host: string | undefined): boolean {
  if (!origin) return true; // not a cross-origin browser request (curl, server): CORS does not apply
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true; // same origin (the demo store)
  const own = new URL(publicUrl).origin;
  const domain = store.settings.domain;
  return origin === own || store.settings.allowedOrigins.includes(origin) || (domain !== '' && (origin === `https://${domain}` || origin === `http://${domain}`));
}

export const browserRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  let snippet: Promise<string> | null = null;

  app.get('/snippet.js', { schema: { hide: true } }, async (_req, reply) => {
    snippet ??= buildSnippet().then((b) => b.code);
    return reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(await snippet);
  });

  await app.register(rateLimit, { max: 300, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}|${(req.query as { key?: string }).key ?? ''}`, errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`) });

  const storeFor = async (req: FastifyRequest, reply: FastifyReply): Promise<Store> => {
    const store = await findStoreByPublicKey(db, (req.query as { key: string }).key);
    if (!store) throw new AppError('unauthorized', 'unknown public key');
    const origin = req.headers.origin;
    if (!allowedOrigin(store, origin, s.config.publicUrl, req.headers.host)) throw new AppError('forbidden', `origin ${origin} is not one of this store's (settings: domain, allowedOrigins)`);
    if (origin) void reply.header('access-control-allow-origin', origin).header('vary', 'origin');
    return store;
  };

  // text/plain JSON, as beacons send it; application/json works too.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('invalid_json', 'the body is not JSON'), undefined);
    }
  });
  app.options('/v1/p/*', { schema: { hide: true } }, async (req, reply) => {
    await storeFor(req as FastifyRequest, reply);
    return reply.header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').status(204).send();
  });

  const record = (type: 'track' | 'identify') => async (req: FastifyRequest, reply: FastifyReply) => {
    const store = await storeFor(req, reply);
    const body = req.body as Record<string, unknown>;
    const event = normalize({ ...body, userId: undefined }, type, s.clock.now()); // a browser cannot claim a user id
    if (Array.isArray(event)) throw new AppError('invalid_event', 'the event is invalid; nothing was stored', event);
    if (event.event && SERVER_ONLY_EVENTS.has(event.event)) throw new AppError('forbidden', `${event.event} must come from the shop's server (write key) or a platform webhook`);
    const r = await acceptEvents(s.database, store, [event], s.clock.now());
    if (r.accepted > 0) s.worker.wake();
    return { success: true, ...r };
  };
  app.post('/v1/p/track', { schema: { summary: 'Browser track (public key)', tags: ['browser'], querystring: Key } }, record('track'));
  app.post('/v1/p/identify', { schema: { summary: 'Browser identify (public key)', tags: ['browser'], querystring: Key } }, record('identify'));

  app.get('/v1/p/config', { schema: { summary: "What the snippet should do on this store's pages (public key)", tags: ['browser'], querystring: Key } }, async (req, reply) => {
    const { settings } = await storeFor(req, reply);
    void reply.header('cache-control', 'public, max-age=300');
    return { captureEmail: settings.captureEmail, emailFields: settings.emailFields, consentField: settings.consentField, onsiteReminder: settings.onsiteReminder, returnCheck: settings.onsiteReminder || settings.holdBackOnReturn !== null };
  });

  app.post('/v1/p/return', {
    schema: { summary: 'The shopper is back: an on-site reminder if they left a cart, and their sequence waits (public key)', tags: ['browser'], querystring: Key },
  }, async (req, reply) => {
    const store = await storeFor(req, reply);
    const anonymousId = (req.body as { anonymousId?: unknown } | undefined)?.anonymousId;
    if (typeof anonymousId !== 'string' || anonymousId.length === 0 || anonymousId.length > 200) throw new AppError('invalid_body', 'anonymousId is required');
    return returnVisit(db, store, anonymousId, s.clock.now());
  });

  app.get('/v1/p/restore/:token', {
    schema: { summary: 'The cart behind a restore link, for the storefront to put back (public key)', tags: ['browser'], querystring: Key, params: Type.Object({ token: Type.String({ maxLength: 300 }) }) },
  }, async (req, reply) => {
    const store = await storeFor(req, reply);
    const claims = s.signer.verify('restore', (req.params as { token: string }).token, s.clock.now());
    const message = await findMessage(db, claims.messageId);
    if (!message || message.store_id !== store.id) throw new AppError('not_found', 'this link is not valid');
    const cart = message.cart_id ? await getCart(db, message.cart_id) : undefined;
    return {
      cartId: cart?.external_id ?? null,
      discount: message.discount_code,
      items: (cart?.items ?? []).map((i) => ({ sku: i.sku ?? i.productId ?? i.key, productId: i.productId, name: i.name, quantity: i.quantity, price: i.price })),
    };
  });
};

/**
 * The links inside messages: /r restore, /c click, /o open pixel, /u unsubscribe (RFC 8058). Each
 * token is verified for its purpose before anything is read; a token only ever reaches its own
 * message, and through it its own contact and cart. A link a machine followed (a mail scanner, a
 * HEAD request) still leads where it leads but counts as no open or click (links/machines.ts).
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { itemsParam } from '../../carts/cart-state.ts';
import { AppError } from '../../kernel/errors.ts';
import { machineReason } from '../../links/machines.ts';
import { findMessage, recordLinkEvent, unsubscribeVia } from '../../links/record.ts';
import type { Purpose } from '../../links/tokens.ts';
import { getCart } from '../../store/queries/carts.ts';
import type { MessageTable } from '../../store/schema.ts';
import { getStore } from '../../store/queries/stores.ts';
import { unsubscribeConfirmPage, unsubscribedPage } from '../pages.ts';

const Token = { params: Type.Object({ token: Type.String({ maxLength: 300 }) }), tags: ['links'] };
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const linkRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  // RFC 8058 one-click POSTs are form-encoded (or multipart); only these routes accept forms.
  await app.register(formbody);
  app.addContentTypeParser(['multipart/form-data', 'text/plain'], { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
  const judged = (req: FastifyRequest, kind: 'open' | 'click' | 'restore', m: MessageTable) =>
    machineReason({ method: req.method, userAgent: req.headers['user-agent'], at: s.clock.now() }, kind, m.sent_at, s.config.linkScannerMs);
  const resolve = async (purpose: Purpose, token: string) => {
    const claims = s.signer.verify(purpose, token, s.clock.now());
    const message = await findMessage(db, claims.messageId);
    if (!message) throw new AppError('not_found', 'this link is not valid');
    return { claims, message };
  };

  app.get('/r/:token', { schema: { ...Token, summary: 'Restore the cart a message was about' } }, async (req, reply) => {
    const { message } = await resolve('restore', (req.params as { token: string }).token);
    const store = await getStore(db, message.store_id);
    const cart = message.cart_id ? await getCart(db, message.cart_id) : undefined;
    await recordLinkEvent(db, message, 'restore', s.clock.now(), { userAgent: req.headers['user-agent'], machine: judged(req, 'restore', message) });
    // The platform's own link to this cart wins (Shopify's abandoned_checkout_url), then the store's
    // template, then the built-in demo store.
    const template = cart?.restore_url || store.settings.restoreUrl || `${s.config.publicUrl}/demo/cart?items={items}&discount={discount}&cart={cart_id}`;
    const fill: Record<string, string> = {
      items: cart ? itemsParam(cart.items) : '',
      cart_id: cart?.external_id ?? '',
      discount: message.discount_code ?? '',
      token: (req.params as { token: string }).token,
    };
    return reply.redirect(template.replace(/\{(items|cart_id|discount|token)\}/g, (_m, k: string) => encodeURIComponent(fill[k] ?? '')), 302);
  });

  app.get('/c/:token', { schema: { ...Token, summary: 'Follow a tracked link' } }, async (req, reply) => {
    const { claims, message } = await resolve('click', (req.params as { token: string }).token);
    const target = (JSON.parse(message.links) as string[])[claims.index];
    if (!target) throw new AppError('not_found', 'this link is not valid');
    await recordLinkEvent(db, message, 'click', s.clock.now(), { url: target, userAgent: req.headers['user-agent'], machine: judged(req, 'click', message) });
    return reply.redirect(target, 302);
  });

  app.get('/o/:token', { schema: { ...Token, summary: 'Open-tracking pixel' } }, async (req, reply) => {
    try {
      const { message } = await resolve('open', (req.params as { token: string }).token);
      await recordLinkEvent(db, message, 'open', s.clock.now(), { userAgent: req.headers['user-agent'], machine: judged(req, 'open', message) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // a bad pixel still answers with a pixel
    }
    return reply.header('cache-control', 'no-store').type('image/gif').send(PIXEL);
  });

  app.get('/u/:token', { schema: { ...Token, summary: 'Unsubscribe confirmation page (changes nothing)' } }, async (req, reply) => {
    const { message } = await resolve('unsubscribe', (req.params as { token: string }).token);
    const store = await getStore(db, message.store_id);
    return reply.type('text/html').send(unsubscribeConfirmPage(store.name, req.url, message.locale));
  });

  app.post('/u/:token', { schema: { ...Token, summary: 'Unsubscribe (RFC 8058 one-click, or the confirmation form)' } }, async (req, reply) => {
    const { message } = await resolve('unsubscribe', (req.params as { token: string }).token);
    const now = s.clock.now();
    await db.transaction().execute((tx) => unsubscribeVia(tx, message, now, { userAgent: req.headers['user-agent'] }));
    const store = await getStore(db, message.store_id);
    return reply.type('text/html').send(unsubscribedPage(store.name, message.locale));
  });
};

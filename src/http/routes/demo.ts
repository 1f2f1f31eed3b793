/**
 * Demo mode pages: the restore landing of the built-in demo store (where a restore link of a store
 * without its own restoreUrl leads), and, with the dev mailbox on a loopback address, a page that
 * shows the mail Cartback "sent".
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { DEMO_PRODUCTS, DEMO_STORE_NAME } from '../../demo/catalog.ts';
import { acceptAndApply } from '../../ingest/ingest.ts';
import { normalize } from '../../ingest/segment.ts';
import { AppError } from '../../kernel/errors.ts';
import { listStores } from '../../store/queries/stores.ts';
import { escapeHtml, page } from '../pages.ts';

const STOREFRONT = fs.readFileSync(new URL('../../demo/storefront.html', import.meta.url), 'utf8');
const OrderBody = Type.Object({
  cartId: Type.String({ maxLength: 100 }),
  anonymousId: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  email: Type.Union([Type.String({ maxLength: 320 }), Type.Null()]),
  coupon: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  items: Type.Array(Type.Object({ sku: Type.String({ maxLength: 50 }), quantity: Type.Integer({ minimum: 1, maximum: 99 }) }), { minItems: 1, maxItems: 50 }),
});

const LOOPBACK = /^(127\.|::1$|localhost$)/;

export const demoRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const demoStore = async () => {
    const store = (await listStores(s.database.db)).find((st) => st.name === DEMO_STORE_NAME);
    if (!store) throw new AppError('not_found', 'demo mode is off (CARTBACK_DEMO=false)');
    return store;
  };

  app.get('/demo/', { schema: { hide: true } }, async (_req, reply) => {
    const store = await demoStore();
    const html = STOREFRONT.replaceAll('{{BASE}}', s.config.publicUrl).replaceAll('{{PUBLIC_KEY}}', store.publicKey).replace('{{PRODUCTS_JSON}}', JSON.stringify(DEMO_PRODUCTS));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  // The demo shop's "own server": reports the order as a real shop would with its write key.
  app.post('/demo/api/order', { schema: { hide: true, body: OrderBody } }, async (req) => {
    const store = await demoStore();
    const body = req.body as { cartId: string; anonymousId: string | null; email: string | null; coupon?: string | null; items: Array<{ sku: string; quantity: number }> };
    const total = body.items.reduce((t, i) => t + (DEMO_PRODUCTS.find((p) => p.sku === i.sku)?.price ?? 0) * i.quantity, 0);
    const orderId = `demo-${randomUUID().slice(0, 8)}`;
    const raw = {
      type: 'track', event: 'Order Completed', messageId: `demo-order-${orderId}`, anonymousId: body.anonymousId ?? `demo-${body.cartId}`,
      properties: { order_id: orderId, cart_id: body.cartId, total, currency: 'USD', ...(body.email ? { email: body.email } : {}), ...(body.coupon ? { coupon: body.coupon } : {}) },
    };
    const event = normalize(raw, 'track', s.clock.now());
    if (Array.isArray(event)) throw new AppError('invalid_event', 'the order is invalid', event);
    // The demo shop's "server" waits for its order to be applied, so the thank-you page can tell.
    await acceptAndApply(s.database, s.applier, store, [event], s.clock.now());
    return { orderId, total };
  });

  app.get('/demo/cart', {
    schema: { hide: true, querystring: Type.Object({ items: Type.Optional(Type.String({ maxLength: 4000 })), discount: Type.Optional(Type.String({ maxLength: 100 })), cart: Type.Optional(Type.String({ maxLength: 200 })) }) },
  }, async (req, reply) => {
    const q = req.query as { items?: string; discount?: string };
    const lines = (q.items ?? '').split(',').filter(Boolean).map((pair) => {
      const [sku, qty] = pair.split(':');
      const p = DEMO_PRODUCTS.find((d) => d.sku === sku);
      return { sku: sku ?? '', name: p?.name ?? sku ?? '', quantity: Number(qty) || 1, price: p?.price ?? 0 };
    });
    const rows = lines.map((l) => `<tr data-sku="${escapeHtml(l.sku)}"><td>${escapeHtml(l.name)}</td><td class="qty">${l.quantity}</td><td>$${(l.price * l.quantity).toFixed(2)}</td></tr>`).join('');
    const discount = q.discount ? `<p id="discount">Discount code applied: <strong>${escapeHtml(q.discount)}</strong></p>` : '';
    return reply.type('text/html').send(page('Your cart', `<h1>Welcome back, your cart is ready</h1><table id="cart"><tr><th>Item</th><th>Qty</th><th>Total</th></tr>${rows}</table>${discount}`));
  });

  if (s.config.smtp || !LOOPBACK.test(s.config.host)) return;
  app.get('/mailbox', { schema: { hide: true } }, async (_req, reply) => {
    const mail = await s.database.db.selectFrom('mailbox').selectAll().orderBy('created_at', 'desc').limit(50).execute();
    const items = mail
      .map((m) => `<details><summary><strong>${escapeHtml(m.subject)}</strong> to ${escapeHtml(m.to_address)} · ${new Date(m.created_at).toISOString()}</summary>
<iframe sandbox srcdoc="${escapeHtml(m.html)}" style="width:100%;height:600px;border:1px solid #ccc"></iframe><pre>${escapeHtml(m.text)}</pre></details>`)
      .join('');
    return reply.type('text/html').send(page('Dev mailbox', `<h1>Dev mailbox</h1><p>Mail delivered without SMTP (set CARTBACK_SMTP_URL to send for real).</p>${items || '<p>Nothing yet.</p>'}`));
  });
};

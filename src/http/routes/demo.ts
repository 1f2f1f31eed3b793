/**
 * Demo mode pages: the restore landing of the built-in demo store (where a restore link of a store
 * without its own restoreUrl leads), and, with the dev mailbox on a loopback address, a page that
 * shows the mail Cartback "sent".
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { DEMO_PRODUCTS } from '../../demo/catalog.ts';
import { escapeHtml, page } from '../pages.ts';

const LOOPBACK = /^(127\.|::1$|localhost$)/;

export const demoRoutes = (s: Services): FastifyPluginAsync => async (app) => {
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

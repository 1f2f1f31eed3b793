/**
 * One recovery email as the send step builds it, minus SQL and SMTP: a store, a contact, a 3-item
 * cart with a 10% discount, the built-in `classic-3` template (items table, discount block, button,
 * footer) in English. `compose()` calls the same functions in the same order as
 * src/flows/nodes/send-email.ts: signed links, render context, Liquid render of all four parts,
 * click-link rewriting. The render and SMTP measures share it, so both send the same messages.
 */
import { builtInTemplate } from '../../src/channels/email/built-in.ts';
import type { CompiledTemplate } from '../../src/channels/email/compile.ts';
import { emailContext, emailLocale, fromAddress, type DiscountView } from '../../src/channels/email/compose.ts';
import { renderEmail, type EmailContext } from '../../src/channels/email/render.ts';
import type { OutgoingMail } from '../../src/channels/email/transport.ts';
import { newId } from '../../src/kernel/ids.ts';
import { messageLinks, trackClicks } from '../../src/links/tracking.ts';
import { LinkSigner } from '../../src/links/tokens.ts';
import type { Cart } from '../../src/store/queries/carts.ts';
import type { Contact } from '../../src/store/queries/contacts.ts';
import { checkSettings, type Store } from '../../src/store/queries/stores.ts';

export const TEMPLATE_KEY = 'classic-3';
const PUBLIC_URL = 'https://cartback.shop.example.com';
const T0 = Date.parse('2026-11-20T10:00:00Z');

const store: Store = {
  id: 'bench-store', name: 'Bench Outdoor Co.', publicKey: 'pk_bench', createdAt: T0,
  settings: checkSettings({ currency: 'USD', domain: 'shop.example.com', supportEmail: 'help@shop.example.com', supportUrl: 'https://shop.example.com/help', postalAddress: '1 Bench Street, Springfield', timezone: 'Europe/Berlin' }),
};

const contact: Contact = {
  store_id: store.id, id: 'contact-1', email: 'alex.morgan@mail.example', phone: null, first_name: 'Alex', last_name: 'Morgan', locale: 'en-US',
  timezone: 'Europe/Berlin', email_consent: 1, unsubscribed_at: null, suppressed_at: null, suppressed_reason: null, traits: '{}', traits_at: T0,
  created_at: T0, updated_at: T0, simulated: 0,
};

const item = (n: number, name: string, price: number, quantity: number) => ({
  key: `p-${n}`, productId: `p-${n}`, sku: `SKU-${n}`, name, price, quantity, category: 'Outdoor', variant: null,
  imageUrl: `https://cdn.shop.example.com/products/p-${n}.jpg`, url: `https://shop.example.com/products/p-${n}?utm_source=email&variant=${n}`,
});
const items = [item(1001, 'Merino Wool Beanie', 2450, 1), item(1002, 'Trail Running Shoe & Insole', 12900, 1), item(1003, 'Insulated Water Bottle 750 ml', 3200, 2)];

const cart: Cart = {
  store_id: store.id, id: 'cart-1', external_id: 'ext-cart-1', contact_id: contact.id, anonymous_id: 'anon-1', status: 'abandoned', items,
  item_count: items.reduce((n, i) => n + i.quantity, 0), value: items.reduce((n, i) => n + i.price * i.quantity, 0), currency: 'USD',
  started_at: T0, last_activity_at: T0, contents_at: T0, deltas: [], abandon_due_at: null, abandoned_at: T0, enrolled_at: T0, purchased_at: null, order_id: null,
  restore_url: null, created_at: T0, updated_at: T0,
};

const discount: DiscountView = { code: 'BENCH-7KQ2XA9P', kind: 'percent', value: 10, expiresAt: T0 + 2 * 86_400_000 };
const signer = new LinkSigner('bench-secret-0123456789abcdef0123456789abcdef');
const locale = emailLocale(contact, store);

export interface EmailFixture {
  template: CompiledTemplate;
  /** the render context of one message (links of a fixed message id), for the bare-Liquid baseline */
  context: EmailContext;
  /** one message as the send step builds it, without SQL and SMTP */
  compose(messageId?: string, now?: number): Promise<OutgoingMail>;
}

export async function emailFixture(): Promise<EmailFixture> {
  const template = await builtInTemplate(TEMPLATE_KEY, locale);
  if (!template) throw new Error(`no built-in template ${TEMPLATE_KEY} (${locale})`);
  const links0 = messageLinks(PUBLIC_URL, signer, 'fixture', T0);
  return {
    template,
    context: emailContext({ store, contact, cart, discount, links: links0, locale }),
    async compose(messageId = newId(), now = T0) {
      const links = messageLinks(PUBLIC_URL, signer, messageId, now);
      const rendered = await renderEmail(template, emailContext({ store, contact, cart, discount, links, locale }));
      const tracked = trackClicks(rendered.html, PUBLIC_URL, signer, messageId, now);
      return {
        storeId: store.id, messageId, from: fromAddress(store), to: contact.email!, subject: rendered.subject, html: tracked.html, text: rendered.text,
        headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      };
    },
  };
}

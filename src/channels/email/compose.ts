/**
 * Puts a recovery email together from what the database holds at send time: the template for the
 * contact's locale (the store's own version if it has one, else the built-in), and the render
 * context (the cart as it is now, the discount, the links).
 */
import { isTimeZone } from '../../kernel/timezone.ts';
import type { MessageLinks } from '../../links/tracking.ts';
import type { Cart } from '../../store/queries/carts.ts';
import type { Contact, Tx } from '../../store/queries/contacts.ts';
import { latestTemplate } from '../../store/queries/templates.ts';
import type { Store } from '../../store/queries/stores.ts';
import { BUILT_IN_KEYS, builtInTemplate, pickLocale } from './built-in.ts';
import type { CompiledTemplate } from './compile.ts';
import type { EmailContext, RenderedEmail } from './render.ts';
import type { OutgoingMail } from './transport.ts';

export interface DiscountView { code: string; kind: 'percent' | 'amount' | 'free_shipping'; value: number; expiresAt: number }

/** The store's newest version of a template for this locale, else the built-in one. */
export async function resolveTemplate(db: Tx, store: Store, key: string, locale: string): Promise<CompiledTemplate | undefined> {
  const row = await latestTemplate(db, store.id, key, locale);
  if (row) return { key: row.key, locale: row.locale, version: row.id, subject: row.subject, preheader: row.preheader, html: row.html, text: row.text };
  return builtInTemplate(key, locale);
}

export function isBuiltInTemplate(key: string): boolean {
  return BUILT_IN_KEYS.includes(key);
}

export function emailLocale(contact: Contact, store: Store): string {
  return pickLocale(contact.locale, store.settings.locale);
}

/** The sender email: the store's, else no-reply@ its domain (cartback.local when it has none). */
export function fromEmail(store: Store): string {
  return store.settings.senderEmail || `no-reply@${store.settings.domain || 'cartback.local'}`;
}

export function fromAddress(store: Store): string {
  const email = fromEmail(store);
  const name = (store.settings.senderName || store.name).replace(/["\\]/g, '');
  return `"${name}" <${email}>`;
}

/**
 * The message handed to the mailer: the rendered parts (HTML with tracked links) and the headers
 * every marketing message carries. The spam-score test builds its messages here too, so what it
 * scores is what goes out.
 */
export function outgoingMail(p: { store: Store; messageId: string; to: string; rendered: RenderedEmail; html: string; links: MessageLinks }): OutgoingMail {
  return {
    storeId: p.store.id, messageId: p.messageId, from: fromAddress(p.store), to: p.to, subject: p.rendered.subject, html: p.html, text: p.rendered.text,
    // RFC 8058: mailbox providers show an unsubscribe button that POSTs to this URL.
    headers: { 'List-Unsubscribe': `<${p.links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function emailContext(p: { store: Store; contact: Contact; cart: Cart | undefined; discount: DiscountView | null; links: MessageLinks; locale: string }): EmailContext {
  const { store, contact, cart, discount, locale } = p;
  const tz = contact.timezone ?? store.settings.timezone;
  const s = store.settings;
  return {
    locale,
    store: { name: store.name, domain: s.domain, support_email: s.supportEmail || null, support_url: s.supportUrl || null, postal_address: s.postalAddress || null },
    contact: { first_name: contact.first_name, last_name: contact.last_name, email: contact.email ?? '' },
    cart: {
      currency: cart?.currency ?? s.currency,
      item_count: cart?.item_count ?? 0,
      total: cart?.value ?? 0,
      items: (cart?.items ?? []).map((i) => ({
        name: i.name, quantity: i.quantity, price: i.price, line_total: i.price * i.quantity, image_url: i.imageUrl, url: i.url, sku: i.sku,
      })),
    },
    discount: discount && {
      code: discount.code,
      kind: discount.kind,
      value: discount.value,
      expires_at: expiryFormat(locale, tz).format(discount.expiresAt),
    },
    links: p.links,
  };
}

/**
 * Building this Intl.DateTimeFormat and checking the zone (which builds another) cost ~140 µs per
 * message, a fifth of a whole render (bench/README.md); formatting with a built one ~1 µs. So one
 * per (locale, zone), kept for the process: both come from short lists in practice, and the cap
 * only guards against a flood of odd zone strings.
 */
const expiryFormats = new Map<string, Intl.DateTimeFormat>();

export function expiryFormat(locale: string, tz: string): Intl.DateTimeFormat {
  const key = `${locale}|${tz}`;
  let f = expiryFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: isTimeZone(tz) ? tz : 'UTC' });
    if (expiryFormats.size >= 1000) expiryFormats.clear();
    expiryFormats.set(key, f);
  }
  return f;
}

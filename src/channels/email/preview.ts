/**
 * What a template preview and a test send render: the store's own name, domain, support links and
 * address, with either a sample shopper and cart (in the template's locale) or a real cart of the
 * store and its shopper. Links point at /preview pages, so nothing in a preview can restore a real
 * cart or unsubscribe anyone.
 */
import { AppError } from '../../kernel/errors.ts';
import { getCart } from '../../store/queries/carts.ts';
import { getContact, type Contact } from '../../store/queries/contacts.ts';
import type { Store } from '../../store/queries/stores.ts';
import type { Tx } from '../../store/queries/contacts.ts';
import { emailContext } from './compose.ts';
import type { EmailContext } from './render.ts';
import { sampleContext } from './sample.ts';

export interface PreviewOptions { cartId?: string; withDiscount: boolean; publicUrl: string }

export async function previewContext(db: Tx, store: Store, locale: string, opts: PreviewOptions): Promise<EmailContext> {
  const sample = sampleContext(locale);
  const links = { restore: `${opts.publicUrl}/preview/restore`, unsubscribe: `${opts.publicUrl}/preview/unsubscribe`, open: `${opts.publicUrl}/preview/open.gif` };
  const discount = opts.withDiscount ? sample.discount : null;
  if (!opts.cartId) {
    const s = store.settings;
    return {
      ...sample,
      store: { name: store.name, domain: s.domain || sample.store.domain, support_email: s.supportEmail || null, support_url: s.supportUrl || null, postal_address: s.postalAddress || null },
      discount,
      links,
    };
  }
  const cart = await getCart(db, opts.cartId);
  if (!cart || cart.store_id !== store.id) throw new AppError('not_found', `no cart ${opts.cartId} in this store`);
  const found = cart.contact_id ? await getContact(db, cart.contact_id) : undefined;
  const contact: Contact = found ?? ({ first_name: sample.contact.first_name, last_name: sample.contact.last_name, email: sample.contact.email, locale, timezone: null } as Contact);
  const ctx = emailContext({ store, contact, cart, discount: null, links, locale });
  return { ...ctx, discount };
}

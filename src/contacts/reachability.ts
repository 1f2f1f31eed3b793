/**
 * Whether a contact may get marketing email now, and if not, why. Checked when a cart is abandoned
 * (to decide whether flows start) and again at send time (invariant 3), since any of it can change
 * while a run waits.
 *
 * Consent, by the store's `emailConsent` policy, for a contact who has not said yes or no:
 *   opt_out    mail them (they can unsubscribe from every message);
 *   opt_in     do not: only contacts with email_consent true;
 *   opt_in_eu  (the default for new stores) do not when they are in the EU/EEA or the UK, or when
 *              where they are is unknown (region.ts); mail them when they are known to be elsewhere.
 * Unknown counts as EU because the store's own country settles nothing (EU law follows the
 * shopper, wherever the shop is), and the two mistakes are not alike: a reminder not sent costs
 * one sale; mail sent without the consent the law asks for costs complaints, which cost the
 * store's deliverability to every shopper. A store fixes "unknown" by sending a `country` trait.
 */
import type { StoreSettings } from '../contracts/store.ts';
import type { Contact } from '../store/queries/contacts.ts';
import { locateShopper } from './region.ts';

export type BlockReason = 'no_contact' | 'no_email' | 'unsubscribed' | 'suppressed' | 'no_consent';

export function emailBlockReason(contact: Contact | undefined, settings: StoreSettings): BlockReason | null {
  if (!contact) return 'no_contact';
  if (!contact.email) return 'no_email';
  if (contact.unsubscribed_at !== null) return 'unsubscribed';
  if (contact.suppressed_at !== null) return 'suppressed';
  if (contact.email_consent === 0) return 'no_consent';
  if (contact.email_consent === 1) return null;
  return needsOptIn(contact, settings) ? 'no_consent' : null;
}

/** Whether the store's policy asks this contact for an explicit yes before marketing email. */
export function needsOptIn(contact: Pick<Contact, 'traits' | 'timezone' | 'locale'>, settings: Pick<StoreSettings, 'emailConsent'>): boolean {
  if (settings.emailConsent === 'opt_in') return true;
  if (settings.emailConsent === 'opt_out') return false;
  return locateShopper(contact).region !== 'other';
}

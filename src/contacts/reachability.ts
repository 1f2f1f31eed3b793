/**
 * Whether a contact may get marketing email now, and if not, why. Checked when a cart is abandoned
 * (to decide whether flows start) and again at send time (invariant 3), since any of it can change
 * while a run waits.
 */
import type { StoreSettings } from '../contracts/store.ts';
import type { Contact } from '../store/queries/contacts.ts';

export type BlockReason = 'no_contact' | 'no_email' | 'unsubscribed' | 'suppressed' | 'no_consent';

export function emailBlockReason(contact: Contact | undefined, settings: StoreSettings): BlockReason | null {
  if (!contact) return 'no_contact';
  if (!contact.email) return 'no_email';
  if (contact.unsubscribed_at !== null) return 'unsubscribed';
  if (contact.suppressed_at !== null) return 'suppressed';
  if (contact.email_consent === 0) return 'no_consent';
  if (settings.emailConsent === 'opt_in' && contact.email_consent !== 1) return 'no_consent';
  return null;
}

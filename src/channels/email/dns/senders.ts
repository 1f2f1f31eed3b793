/**
 * Who a store's mail really comes from, as the deliverability checks see it: the From address, the
 * DKIM key that signs it (dkim.ts: the store's own, else the instance's) and the SMTP server it is
 * handed to (the store's own, else CARTBACK_SMTP_URL, else none: the dev mailbox).
 */
import type { Store } from '../../../store/queries/stores.ts';
import { fromEmail } from '../compose.ts';
import { dkimKeyFor, type DkimKey } from '../dkim.ts';
import type { SenderSetup } from './checks.ts';

export interface InstanceMail { dkim: DkimKey | null; smtpUrl: string | null }

export function senderSetup(store: Store, instance: InstanceMail): SenderSetup {
  const key = dkimKeyFor(store.settings, instance.dkim);
  const url = store.settings.smtpUrl || instance.smtpUrl;
  return {
    from: fromEmail(store),
    dkim: key && { domain: key.domainName, selector: key.keySelector, privateKey: key.privateKey },
    smtpHost: url ? new URL(url).hostname : null,
  };
}

/** Stores that send the same way share one set of checks (doctor asks DNS once per setup). */
export function setupKey(s: SenderSetup): string {
  return JSON.stringify([s.from.split('@')[1]?.toLowerCase(), s.dkim?.domain, s.dkim?.selector, s.dkim?.privateKey, s.smtpHost]);
}

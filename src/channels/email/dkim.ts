/**
 * DKIM: which key signs a store's mail, and what it covers. A store with its own key (dkimDomain,
 * dkimSelector, dkimPrivateKey) signs with it; else the instance's (CARTBACK_DKIM_*), if any; else
 * mail goes unsigned. Signing is nodemailer's own (relaxed/relaxed, rsa-sha256), at the mailer, so
 * every message is signed the same way whichever path sends it (flows, test sends, the dev mailbox).
 *
 * The signed headers are nodemailer's default list plus List-Unsubscribe-Post, which that list lacks:
 * RFC 8058 asks for both List-Unsubscribe and List-Unsubscribe-Post to be covered, and Gmail and
 * Yahoo show their one-click unsubscribe button only when they are. Headers a message does not have
 * are left out of h=.
 */
import type { StoreSettings } from '../../contracts/store.ts';

export interface DkimKey { domainName: string; keySelector: string; privateKey: string }

export const SIGNED_HEADERS = [
  'From', 'Sender', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'To', 'Cc', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding',
  'In-Reply-To', 'References', 'List-Id', 'List-Unsubscribe', 'List-Unsubscribe-Post',
].join(':');

/** The key a store's mail is signed with: its own when all three settings are set, else the instance's. */
export function dkimKeyFor(settings: Pick<StoreSettings, 'dkimDomain' | 'dkimSelector' | 'dkimPrivateKey'>, instance: DkimKey | null): DkimKey | null {
  if (settings.dkimDomain && settings.dkimSelector && settings.dkimPrivateKey) {
    return { domainName: settings.dkimDomain, keySelector: settings.dkimSelector, privateKey: settings.dkimPrivateKey };
  }
  return instance;
}

/** nodemailer's per-message `dkim` option. */
export const dkimOption = (key: DkimKey) => ({ ...key, headerFieldNames: SIGNED_HEADERS });

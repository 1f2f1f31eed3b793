/**
 * What the simulator reads in a delivered email (pure): who it is for, its id, when Cartback sent
 * it, and the links a shopper can follow: the open pixel (/o/), the restore button (/r/), tracked
 * links (/c/), unsubscribe (/u/, from List-Unsubscribe, else the footer), and a discount code.
 */
import { LINK_LIFETIME_MS } from '../../links/tokens.ts';

export interface MailSeen {
  to: string;
  /** the Message-ID without brackets: `<message row id>@host` names one (run, step) */
  messageId: string | null;
  /** the virtual instant Cartback claimed the send, read from the open link's expiry; null without a pixel */
  sentAt: number | null;
  open: string | null;
  restore: string | null;
  clicks: string[];
  unsubscribe: string | null;
  discountCode: string | null;
}

export interface RawMail { to: string; messageId: string | null; html: string; text: string; listUnsubscribe: string | null }

const unescapeHtml = (s: string) => s.replaceAll('&amp;', '&');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A link token is `{messageId}.{index}.{expiry}.{signature}` with the expiry in base 36
 * (src/links/tokens.ts); the open link expires LINK_LIFETIME_MS.open after the send.
 */
export function sentAtOfOpenLink(url: string): number | null {
  const token = url.slice(url.lastIndexOf('/') + 1).split('.');
  if (token.length !== 4) return null;
  const expiry = parseInt(token[2]!, 36);
  return Number.isFinite(expiry) ? expiry - LINK_LIFETIME_MS.open : null;
}

/** `base` is the Cartback address the links start with; `discountPrefix` the store's (codes are PREFIX-XXXXXXXX). */
export function readMail(m: RawMail, base: string, discountPrefix: string): MailSeen {
  const urls = [...m.html.matchAll(/(?:href|src)="([^"]+)"/g)].map((x) => unescapeHtml(x[1]!));
  const ours = (kind: string) => urls.filter((u) => u.startsWith(`${base}/${kind}/`));
  const open = ours('o')[0] ?? null;
  const fromHeader = m.listUnsubscribe?.match(/<(https?:\/\/[^>]+\/u\/[^>]+)>/)?.[1] ?? null;
  const code = new RegExp(`\\b${discountPrefix ? `${escapeRe(discountPrefix)}-` : ''}[A-HJ-NP-Z2-9]{8}\\b`);
  return {
    to: m.to.toLowerCase(),
    messageId: m.messageId?.replace(/^<|>$/g, '') ?? null,
    sentAt: open ? sentAtOfOpenLink(open) : null,
    open,
    restore: ours('r')[0] ?? null,
    clicks: ours('c'),
    unsubscribe: fromHeader ?? ours('u')[0] ?? null,
    // Without a prefix a code is 8 capitals, like many words: only trusted with one.
    discountCode: discountPrefix ? (m.text.match(code)?.[0] ?? m.html.match(code)?.[0] ?? null) : null,
  };
}

/**
 * Builds a message's links: restore, unsubscribe and the open pixel, and rewrites every other
 * http(s) link in the HTML into a click link whose token points at the stored target by index.
 */
import type { LinkSigner } from './tokens.ts';

export interface MessageLinks { restore: string; unsubscribe: string; open: string }

export function messageLinks(base: string, signer: LinkSigner, messageId: string, sentAt: number): MessageLinks {
  return {
    restore: `${base}/r/${signer.sign('restore', messageId, sentAt)}`,
    unsubscribe: `${base}/u/${signer.sign('unsubscribe', messageId, sentAt)}`,
    open: `${base}/o/${signer.sign('open', messageId, sentAt)}`,
  };
}

const HREF = /href="(https?:\/\/[^"]+)"/g;

/** Returns the HTML with tracked links and the list of stored targets (index = position). */
export function trackClicks(html: string, base: string, signer: LinkSigner, messageId: string, sentAt: number): { html: string; targets: string[] } {
  const targets: string[] = [];
  const own = [`${base}/r/`, `${base}/u/`, `${base}/o/`];
  const out = html.replace(HREF, (whole, url: string) => {
    if (own.some((p) => url.startsWith(p))) return whole;
    const target = url.replaceAll('&amp;', '&');
    let index = targets.indexOf(target);
    if (index < 0) index = targets.push(target) - 1;
    return `href="${base}/c/${signer.sign('click', messageId, sentAt, index)}"`;
  });
  return { html: out, targets };
}

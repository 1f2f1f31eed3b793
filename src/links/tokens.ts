/**
 * Link tokens: `{messageId}.{index}.{expiry}.{signature}`. The signature is HMAC-SHA256 over the
 * purpose, message, index and expiry with the instance secret, cut to 128 bits, so a token is
 * bound to one message (one recipient), one purpose and one target, expires, and cannot be forged
 * or turned to another shopper's cart by editing it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../kernel/errors.ts';

export type Purpose = 'restore' | 'click' | 'open' | 'unsubscribe';

/** How long each kind of link works after the message is sent. */
export const LINK_LIFETIME_MS: Record<Purpose, number> = {
  restore: 30 * 86_400_000,
  click: 90 * 86_400_000,
  open: 90 * 86_400_000,
  unsubscribe: 365 * 86_400_000,
};

export interface LinkClaims { messageId: string; index: number }

export class LinkSigner {
  constructor(private readonly secret: string) {}

  private mac(purpose: Purpose, body: string): Buffer {
    return createHmac('sha256', this.secret).update(`${purpose}|${body}`).digest().subarray(0, 16);
  }

  sign(purpose: Purpose, messageId: string, sentAt: number, index = 0): string {
    const body = `${messageId}.${index.toString(36)}.${(sentAt + LINK_LIFETIME_MS[purpose]).toString(36)}`;
    return `${body}.${this.mac(purpose, body).toString('base64url')}`;
  }

  /** Throws not_found for a token that is not ours, link_expired for one past its lifetime. */
  verify(purpose: Purpose, token: string, now: number): LinkClaims {
    const cut = token.lastIndexOf('.');
    const body = token.slice(0, cut);
    const given = Buffer.from(token.slice(cut + 1), 'base64url');
    const [messageId, index, expiry] = body.split('.');
    if (cut < 0 || !messageId || index === undefined || expiry === undefined || given.length !== 16 || !timingSafeEqual(given, this.mac(purpose, body))) {
      throw new AppError('not_found', 'this link is not valid');
    }
    if (parseInt(expiry, 36) < now) throw new AppError('link_expired', 'this link has expired');
    return { messageId, index: parseInt(index, 36) };
  }
}

/**
 * Sealing a small secret with AES-256-GCM (authenticated: a changed byte or another key fails to
 * open). The sealed form is text: `sealed:v1:<iv>.<ciphertext>.<tag>` in base64url, so it fits in a
 * JSON settings document and is recognizable next to plaintext written before sealing existed.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';

/** A 256-bit key for one purpose, derived from the instance secret (HKDF-SHA256). */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cartback', purpose, 32));
}

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.')}`;
}

/** The plaintext, or throws when the value was sealed with another key or altered. */
export function unseal(key: Buffer, sealed: string): string {
  const [iv, body, tag] = sealed.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

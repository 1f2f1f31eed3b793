import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Row ids: UUIDv7, so ids sort by creation time and index well on both databases. */
export function newId(): string {
  return uuidv7();
}

/** An unguessable secret (default 24 bytes = 192 bits), base64url. */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** Keys and tokens are stored as their SHA-256, never in the clear. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes get typed by hand

/** A human-typable random code, e.g. for discounts: 10 chars of a 32-letter alphabet = 50 bits. */
export function randomCode(length = 10): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % 32];
  return out;
}

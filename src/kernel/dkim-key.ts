/**
 * A DKIM private key, checked once where it is given (a store setting, CARTBACK_DKIM_PRIVATE_KEY)
 * rather than at send time: nodemailer sends a message unsigned, without a word, when its key does
 * not sign. DKIM signs with RSA here (rsa-sha256, what every receiver verifies); keys under 1024 bits
 * are refused, as RFC 8301 tells verifiers to do.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';

export const MIN_DKIM_BITS = 1024;

/** Why this text is not a usable DKIM key, or null when it is one. */
export function dkimKeyProblem(pem: string): string | null {
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    return `not a PEM private key (${(err as Error).message})`;
  }
  if (key.asymmetricKeyType !== 'rsa') return `an ${String(key.asymmetricKeyType)} key; DKIM here signs with RSA (rsa-sha256)`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_DKIM_BITS) return `a ${bits}-bit RSA key; at least ${MIN_DKIM_BITS} bits (2048 recommended)`;
  return null;
}

/** The public half as the `p=` value of the DNS TXT record (base64 DER, SubjectPublicKeyInfo). */
export function dkimPublicKey(pem: string): string {
  return createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
}

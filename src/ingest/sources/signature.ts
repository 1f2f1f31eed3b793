/**
 * Webhook signatures: Shopify (X-Shopify-Hmac-Sha256) and WooCommerce (X-WC-Webhook-Signature) both
 * send the base64 HMAC-SHA256 of the exact body bytes. It is checked on the raw bytes, before any
 * parsing, and compared in constant time so the answer time says nothing about a near-miss.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function validSignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (!secret || typeof header !== 'string' || header === '') return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header.trim(), 'base64');
  // Lengths differ only for a malformed header, which tells an attacker nothing about the secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

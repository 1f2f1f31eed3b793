/**
 * Amazon SNS, which carries SES bounce and complaint notifications to an HTTPS endpoint.
 *
 * SNS signs every message with an AWS certificate named by SigningCertURL (SignatureVersion 1:
 * SHA1withRSA, 2: SHA256withRSA, over the message's fields in a fixed order). Checking it needs
 * that certificate, fetched over the network. So: the URL must be an SNS host of AWS (anything else
 * is refused, as AWS advises), the certificate is fetched once and kept, and a signature that does
 * not verify is refused. When the certificate cannot be fetched (no route to AWS from this server)
 * the message is taken on the store's bounce secret alone, which the endpoint requires anyway (as
 * the password in the subscription URL), and a warning says so.
 *
 * A SubscriptionConfirmation is answered by visiting its SubscribeURL (also an SNS host only).
 * Without a route to AWS that fails; the URL is then returned and logged, to be opened by hand.
 *
 * `snsNetwork` is the one way out to AWS; tests (this machine has no internet) replace it.
 */
import { createVerify, X509Certificate } from 'node:crypto';

export interface SnsEnvelope {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
}

export const SNS_HOST = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export const snsNetwork = {
  async get(url: string): Promise<string> {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return res.text();
  },
};

/** The text SNS signs: named fields in this order, each as "Name\nvalue\n"; Subject only when present. */
export function stringToSign(m: SnsEnvelope): string {
  const fields = m.Type === 'Notification'
    ? ['Message', 'MessageId', ...(m.Subject !== undefined ? ['Subject'] : []), 'Timestamp', 'TopicArn', 'Type']
    : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return fields.map((f) => `${f}\n${String((m as unknown as Record<string, unknown>)[f] ?? '')}\n`).join('');
}

const certificates = new Map<string, string>();

export type SnsCheck = { ok: true; verified: boolean } | { ok: false; why: string };

/** Whether the message's AWS signature holds; `verified: false` when the certificate could not be had. */
export async function checkSnsSignature(m: SnsEnvelope): Promise<SnsCheck> {
  const url = m.SigningCertURL ?? '';
  if (!SNS_HOST.test(url) || !url.endsWith('.pem')) return { ok: false, why: 'SigningCertURL is not an Amazon SNS certificate address' };
  if (m.SignatureVersion !== '1' && m.SignatureVersion !== '2') return { ok: false, why: `unknown SignatureVersion ${String(m.SignatureVersion)}` };
  let pem = certificates.get(url);
  if (!pem) {
    try {
      pem = await snsNetwork.get(url);
      new X509Certificate(pem); // a page that is not a certificate is not kept
      certificates.set(url, pem);
    } catch {
      return { ok: true, verified: false };
    }
  }
  const verifier = createVerify(m.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  verifier.update(stringToSign(m), 'utf8');
  const good = verifier.verify(pem, m.Signature ?? '', 'base64');
  return good ? { ok: true, verified: true } : { ok: false, why: 'the SNS signature does not verify' };
}

/** Confirms a subscription; returns false (and the caller logs the URL) when AWS cannot be reached. */
export async function confirmSubscription(m: SnsEnvelope): Promise<boolean> {
  if (!m.SubscribeURL || !SNS_HOST.test(m.SubscribeURL)) return false;
  try {
    await snsNetwork.get(m.SubscribeURL);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a failed provider call means for the message. RFC 5321: a 4yz reply is a transient failure
 * (try again later), a 5yz one permanent (503, a bad command sequence, is not about the message).
 * Without a reply: if no connection was made or the session broke before the message was handed
 * over, it was not delivered (try again); if the connection broke or went silent once the message
 * was on its way, it may or may not have arrived: never again (at most once, invariant 2).
 */
export type DeliveryOutcome =
  | { kind: 'deferred'; reason: string }
  | { kind: 'rejected'; reason: string; hardBounce: boolean }
  | { kind: 'uncertain'; reason: string };

interface MailError { message?: string; code?: string; responseCode?: number; command?: string; response?: string; messageStarted?: boolean }

// Enhanced status codes (RFC 3463) X.1.x are about the address (no such mailbox, bad syntax, moved).
const ADDRESS_STATUS = /\b5\.1\.\d{1,3}\b/;
const BEFORE_HANDOVER = new Set(['ECONNECTION', 'EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EPROXY']);

export function deliveryOutcome(err: unknown): DeliveryOutcome {
  const e = (err ?? {}) as MailError;
  const reason = `${e.responseCode ? `${e.responseCode} ` : ''}${(e.response ?? e.message ?? String(err)).slice(0, 400)}`;
  const code = e.responseCode;
  if (code !== undefined && ((code >= 400 && code < 500) || code === 503)) return { kind: 'deferred', reason };
  if (code !== undefined && code >= 500 && code < 600 && code !== 503) {
    // The recipient refused at RCPT TO, or a 5.1.x status anywhere: the address itself is bad.
    const hardBounce = e.code === 'EENVELOPE' || e.command === 'RCPT TO' || ADDRESS_STATUS.test(e.response ?? '');
    return { kind: 'rejected', reason, hardBounce };
  }
  // Our SMTP transport says whether any of the message went towards the server (transport.ts):
  // nodemailer reports a timeout or a dropped connection during DATA as command CONN, like one
  // while connecting, so that is what decides, where it is known.
  if (e.messageStarted === true) return { kind: 'uncertain', reason };
  if (e.messageStarted === false) return { kind: 'deferred', reason };
  if (e.code && BEFORE_HANDOVER.has(e.code)) return { kind: 'deferred', reason };
  // A socket error or timeout before the message was sent (connecting, greeting, envelope) is like
  // no connection; during or after DATA nobody knows whether it arrived.
  if ((e.code === 'ETIMEDOUT' || e.code === 'ESOCKET') && e.command && !/^DATA|^BDAT|^\.$/i.test(e.command)) return { kind: 'deferred', reason };
  return { kind: 'uncertain', reason };
}

/** The pause before attempt `n + 1` after `n` deferrals: 1 min, 5 min, 30 min, 2 h, 6 h; then give up. */
export const RETRY_PAUSES_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000] as const;

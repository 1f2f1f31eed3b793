/**
 * Bounce and complaint reports from a sending service, as one list of "this address: what
 * happened". Three shapes are understood, told apart by their fields:
 *
 *   Amazon SES through SNS  the SNS envelope ({Type: "Notification", Message: "<SES JSON>"}); the
 *                           SES notification has notificationType (or eventType, with event
 *                           publishing) Bounce or Complaint. bounceType Permanent is a hard
 *                           bounce; Transient and Undetermined are not. A complaint whose
 *                           complaintFeedbackType is "not-spam" is no complaint.
 *   Postmark                a bounce webhook (RecordType "Bounce"; Type HardBounce or
 *                           BadEmailAddress is a hard bounce, every other type is not) or a spam
 *                           complaint webhook (RecordType "SpamComplaint").
 *   generic                 {type: "bounce" | "complaint", email, permanent?} or an array of them;
 *                           a bounce is permanent unless permanent is false (services report soft
 *                           bounces rarely, and retry them themselves).
 *
 * With SNS "raw message delivery" on, SES notifications come without the envelope; they are taken
 * as they are. A report of a known format that names no usable address is refused whole (400).
 */
import { AppError } from '../../../kernel/errors.ts';

export type Outcome = 'hard_bounce' | 'complaint' | 'soft_bounce' | 'other';
export interface Report { email: string; outcome: Outcome }
export type Format = 'ses' | 'postmark' | 'generic';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const address = (v: unknown): string | null => (typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? v.trim() : null);

/** The report's format, from its fields; null when it is none of them. */
export function formatOf(body: unknown): Format | null {
  const b = rec(body);
  if (typeof b.TopicArn === 'string' && typeof b.Type === 'string') return 'ses';
  if (isSesNotification(b)) return 'ses'; // SNS "raw message delivery": the SES notification without its envelope
  if (b.RecordType === 'Bounce' || b.RecordType === 'SpamComplaint') return 'postmark';
  const items = Array.isArray(body) ? body : [body];
  if (items.length > 0 && items.every((i) => ['bounce', 'complaint'].includes(String(rec(i).type)))) return 'generic';
  return null;
}

export const isSesNotification = (b: Rec): boolean => typeof (b.notificationType ?? b.eventType) === 'string' && typeof b.mail === 'object';

/** An SES notification (the parsed SNS `Message`). */
export function sesReports(notification: unknown): Report[] {
  const n = rec(notification);
  const kind = n.notificationType ?? n.eventType;
  if (kind === 'Bounce') {
    const bounce = rec(n.bounce);
    const outcome: Outcome = bounce.bounceType === 'Permanent' ? 'hard_bounce' : 'soft_bounce';
    return list(bounce.bouncedRecipients).flatMap((r) => withAddress(rec(r).emailAddress, outcome));
  }
  if (kind === 'Complaint') {
    const complaint = rec(n.complaint);
    const outcome: Outcome = complaint.complaintFeedbackType === 'not-spam' ? 'other' : 'complaint';
    return list(complaint.complainedRecipients).flatMap((r) => withAddress(rec(r).emailAddress, outcome));
  }
  return []; // Delivery, Send, Open…: nothing to do
}

const POSTMARK_HARD = new Set(['HardBounce', 'BadEmailAddress']);

export function postmarkReports(body: unknown): Report[] {
  const b = rec(body);
  if (!address(b.Email)) throw new AppError('unknown_report_format', 'a Postmark bounce or spam complaint without an Email address');
  if (b.RecordType === 'SpamComplaint') return withAddress(b.Email, 'complaint');
  return withAddress(b.Email, POSTMARK_HARD.has(String(b.Type)) ? 'hard_bounce' : 'soft_bounce');
}

/** Every item must name an address: a report that says nothing usable about one item is refused whole, not half applied. */
export function genericReports(body: unknown): Report[] {
  const items = Array.isArray(body) ? body : [body];
  const bad = items.flatMap((item, n) => {
    const i = rec(item);
    if (!address(i.email)) return [`[${n}].email: not an email address`];
    if (i.permanent !== undefined && typeof i.permanent !== 'boolean') return [`[${n}].permanent: must be true or false`];
    return [];
  });
  if (bad.length) throw new AppError('unknown_report_format', 'every report needs {type: "bounce" | "complaint", email, permanent?}', bad);
  return items.flatMap((item) => {
    const i = rec(item);
    const outcome: Outcome = i.type === 'complaint' ? 'complaint' : i.permanent === false ? 'soft_bounce' : 'hard_bounce';
    return withAddress(i.email, outcome);
  });
}

function withAddress(v: unknown, outcome: Outcome): Report[] {
  const email = address(v);
  return email ? [{ email, outcome }] : [];
}

/**
 * The simulator's own bookkeeping of the invariants (pure), from what it sent and what reached
 * its mailbox: every event Cartback acknowledged is counted (to compare with what it stored); no
 * mail may have been sent after the shopper's order or unsubscribe was acknowledged; no mail may
 * arrive twice. "Sent" is the instant Cartback claimed the send (MailSeen.sentAt), "acknowledged"
 * an upper bound of the server's time when the answer came, so only certain violations count
 * (the database check, GET …/integrity, judges the close calls with exact instants).
 */
import type { MailSeen } from './mail.ts';

export type ViolationKind = 'mailAfterOrder' | 'mailAfterUnsubscribe' | 'mailTwice' | 'unknownRecipient';

export interface Violation { to: string; messageId: string | null; sentAt: string | null; detail: string }

const EXAMPLES = 10;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export class Ledger {
  /** distinct events Cartback acknowledged (a retry of the same messageId is not counted again) */
  acknowledged = 0;
  mails = 0;
  /** mails without an open pixel: their send instant is unknown, so the order/unsubscribe checks skip them */
  unchecked = 0;
  readonly violations: Record<ViolationKind, { count: number; examples: Violation[] }> = {
    mailAfterOrder: { count: 0, examples: [] }, mailAfterUnsubscribe: { count: 0, examples: [] }, mailTwice: { count: 0, examples: [] }, unknownRecipient: { count: 0, examples: [] },
  };
  private readonly seen = new Set<string>();
  private readonly orderedBy = new Map<string, number>();
  private readonly unsubscribedBy = new Map<string, number>();
  private readonly perShopper = new Map<string, number>();

  /** The shopper's order was acknowledged by the instant `by` (server time, upper bound). The first one counts. */
  orderAcknowledged(shopper: string, by: number): void {
    if (!this.orderedBy.has(shopper)) this.orderedBy.set(shopper, by);
  }

  unsubscribed(shopper: string, by: number): void {
    if (!this.unsubscribedBy.has(shopper)) this.unsubscribedBy.set(shopper, by);
  }

  /** A mail arrived; `shopper` is null when its address is no simulated shopper's. */
  mail(shopper: string | null, m: MailSeen): void {
    this.mails++;
    const flag = (kind: ViolationKind, detail: string) => {
      const v = this.violations[kind];
      v.count++;
      if (v.examples.length < EXAMPLES) v.examples.push({ to: m.to, messageId: m.messageId, sentAt: iso(m.sentAt), detail });
    };
    if (m.messageId) {
      if (this.seen.has(m.messageId)) flag('mailTwice', 'the same message (Message-ID) arrived again');
      this.seen.add(m.messageId);
    }
    if (shopper === null) return flag('unknownRecipient', 'no simulated shopper has this address');
    this.perShopper.set(shopper, (this.perShopper.get(shopper) ?? 0) + 1);
    if (m.sentAt === null) {
      this.unchecked++;
      return;
    }
    const ordered = this.orderedBy.get(shopper);
    if (ordered !== undefined && m.sentAt > ordered) flag('mailAfterOrder', `sent after the order was acknowledged (by ${iso(ordered)})`);
    const unsubscribed = this.unsubscribedBy.get(shopper);
    if (unsubscribed !== undefined && m.sentAt > unsubscribed) flag('mailAfterUnsubscribe', `sent after the unsubscribe was answered (by ${iso(unsubscribed)})`);
  }

  /** How many shoppers got 1, 2, 3, … mails. */
  mailsPerShopper(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const n of this.perShopper.values()) out[n] = (out[n] ?? 0) + 1;
    return out;
  }
}

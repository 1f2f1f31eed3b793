/**
 * The integrity report of one store for a period (messages by their creation, events by their
 * arrival): DESIGN.md §5's invariants 1–4 checked afterwards from what the database holds.
 * `cartback simulate` fails on it; an operator can ask it of a real store at any time.
 *
 * Invariant 1 is judged against the order's acknowledgement, not its `placed_at`: an order that
 * happened before a message but reached Cartback after it was sent could not have stopped it; such
 * messages are counted as a note (sentBeforeLateOrder), not as a violation.
 */
import type { Kysely } from 'kysely';
import type { IntegrityReport } from '../contracts/integrity.ts';
import type { DB } from '../store/schema.ts';
import { attemptedMessages, duplicateSends, eventCounts, messagesAfterOptOut, messagesAfterOrders, type Period } from '../store/queries/integrity.ts';

const iso = (t: number) => new Date(Number(t)).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));
const EXAMPLES = 10;

export interface IntegrityOptions { messagePrefix?: string; acknowledged?: number }

export async function integrityReport(db: Kysely<DB>, p: Period, o: IntegrityOptions = {}): Promise<IntegrityReport> {
  const [afterOrders, duplicates, afterOptOut, sent, events] = await Promise.all([
    messagesAfterOrders(db, p), duplicateSends(db, p), messagesAfterOptOut(db, p), attemptedMessages(db, p), eventCounts(db, p, o.messagePrefix),
  ]);

  // A message may follow several orders; it is one violation (or one note), shown with its earliest-known order.
  const violations = new Map<string, (typeof afterOrders)[number]>();
  const late = new Set<string>();
  for (const row of [...afterOrders].sort((a, b) => Number(a.acknowledgedAt) - Number(b.acknowledgedAt))) {
    if (Number(row.acknowledgedAt) < Number(row.sentAt)) {
      if (!violations.has(row.messageId)) violations.set(row.messageId, row);
    } else late.add(row.messageId);
  }
  for (const id of violations.keys()) late.delete(id);

  const lost = o.acknowledged === undefined ? 0 : Math.max(0, o.acknowledged - events.stored);
  const checks: IntegrityReport['checks'] = {
    sentAfterPurchase: {
      ok: violations.size === 0, count: violations.size,
      examples: [...violations.values()].slice(0, EXAMPLES).map((v) => ({
        messageId: v.messageId, runId: v.runId, nodeId: v.nodeId, contactId: v.contactId, sentAt: iso(v.sentAt), orderId: v.orderId, placedAt: iso(v.placedAt), acknowledgedAt: iso(v.acknowledgedAt),
      })),
    },
    duplicateSends: {
      ok: duplicates.length === 0, count: duplicates.length,
      examples: duplicates.slice(0, EXAMPLES).map((d) => ({ runId: d.runId, nodeId: d.nodeId, messages: Number(d.messages) })),
    },
    sentAfterOptOut: {
      ok: afterOptOut.length === 0, count: afterOptOut.length,
      examples: afterOptOut.slice(0, EXAMPLES).map((m) => ({ messageId: m.messageId, contactId: m.contactId, sentAt: iso(m.sentAt), unsubscribedAt: isoOrNull(m.unsubscribedAt), suppressedAt: isoOrNull(m.suppressedAt) })),
    },
    eventsLost: { ok: lost === 0, count: lost },
  };
  return {
    storeId: p.storeId, from: iso(p.from), to: iso(p.to),
    ok: Object.values(checks).every((c) => c.ok),
    messagesSent: sent,
    checks,
    events: { ...events, acknowledged: o.acknowledged ?? null },
    notes: { sentBeforeLateOrder: late.size },
  };
}

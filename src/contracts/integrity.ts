/**
 * The integrity report of a store (GET /api/stores/:id/integrity): the invariants of DESIGN.md §5
 * that can be checked afterwards from the database, each with a count and a few examples. A stable
 * shape: `cartback simulate` reads it, and an operator can run it on a real store.
 */
import { Type, type Static } from 'typebox';

const Instant = Type.String({ format: 'date-time' });
const Examples = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Array(item, { maxItems: 10, description: 'up to 10 of them' });

const SentAfterPurchase = Type.Object({
  messageId: Type.String(), runId: Type.String(), nodeId: Type.String(), contactId: Type.String(), sentAt: Instant,
  orderId: Type.String({ description: "the order's own id (order_id)" }), placedAt: Instant, acknowledgedAt: Instant,
});
const DuplicateSend = Type.Object({ runId: Type.String(), nodeId: Type.String(), messages: Type.Integer() });
const SentAfterOptOut = Type.Object({
  messageId: Type.String(), contactId: Type.String(), sentAt: Instant,
  unsubscribedAt: Type.Union([Instant, Type.Null()]), suppressedAt: Type.Union([Instant, Type.Null()]),
});

const Check = <T extends ReturnType<typeof Type.Object>>(description: string, item: T) =>
  Type.Object({ ok: Type.Boolean(), count: Type.Integer(), examples: Examples(item) }, { description });

export const IntegrityReport = Type.Object({
  storeId: Type.String(),
  from: Instant,
  to: Instant,
  ok: Type.Boolean({ description: 'every check passed' }),
  messagesSent: Type.Integer({ description: "messages created in the period with status sent, sending or uncertain (a provider may have them)" }),
  checks: Type.Object({
    sentAfterPurchase: Check('invariant 1: a message created after an order of its contact (or cart) in the same episode had been acknowledged', SentAfterPurchase),
    duplicateSends: Check('invariant 2: more than one message row for one (run, step); the unique key should make this impossible', DuplicateSend),
    sentAfterOptOut: Check('invariant 3: a message created after its contact unsubscribed or was suppressed', SentAfterOptOut),
    eventsLost: Type.Object({
      ok: Type.Boolean(),
      count: Type.Integer({ description: 'acknowledged minus stored, when the caller said how many it had acknowledged; else 0' }),
    }, { description: 'invariant 4: every acknowledged event is stored (pass ?acknowledged=N)' }),
  }),
  events: Type.Object({
    stored: Type.Integer({ description: 'events received in the period (with messagePrefix: whose messageId starts with it)' }),
    pending: Type.Integer({ description: 'of those, not yet applied (the outbox)' }),
    failed: Type.Integer({ description: 'of those, set aside with an error by the applier' }),
    acknowledged: Type.Union([Type.Integer(), Type.Null()], { description: 'as given by the caller' }),
  }),
  notes: Type.Object({
    sentBeforeLateOrder: Type.Integer({ description: 'messages created after the shopper had bought but before the order reached Cartback (it arrived late): not a violation, Cartback could not know' }),
  }),
});
export type IntegrityReport = Static<typeof IntegrityReport>;

export const IntegrityQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'ISO 8601 instant; default: 30 days before `to`' })),
  to: Type.Optional(Type.String({ description: 'ISO 8601 instant (exclusive); default: now' })),
  messagePrefix: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'count only the events whose messageId starts with this' })),
  acknowledged: Type.Optional(Type.Integer({ minimum: 0, description: 'how many distinct events the caller had acknowledged in the period: fewer stored fails eventsLost' })),
});

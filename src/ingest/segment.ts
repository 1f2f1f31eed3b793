/**
 * Turns one Segment message (track or identify) into Cartback's normalized event, or a list of
 * problems. Business time follows Segment's own rule: when the client sent `sentAt`, its clock skew
 * is removed (occurred = received − (sentAt − timestamp)); an instant in the future is clamped to now.
 */
import { schemaProblems, type SchemaProblem } from '../contracts/check.ts';
import { CommerceProperties, EVENTS, IdentifyEvent, Product, ReadProperties, TrackEvent, Traits } from '../contracts/segment.ts';
import { newId } from '../kernel/ids.ts';

export interface NormalizedEvent {
  type: 'track' | 'identify';
  event: string | null;
  messageId: string;
  anonymousId: string | null;
  userId: string | null;
  occurredAt: number;
  properties: CommerceProperties;
  traits: Traits;
  payload: Record<string, unknown>;
  /**
   * The platform's own link back to this cart (Shopify's abandoned_checkout_url). Set only by the
   * signed platform connectors, never read from event properties: a restore link must not lead
   * wherever a browser-sent event says.
   */
  restoreUrl?: string;
}

export type EventProblem = SchemaProblem;

const COMMERCE_EVENTS = new Set<string>(Object.values(EVENTS));
const idOf = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

/** No real Segment message comes near this; a body that does is refused before it is walked. */
export const MAX_DEPTH = 64;

/** Whether objects and arrays in `value` nest deeper than `limit`; iterative, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The message with every lone surrogate (valid in a JSON escape, not in Unicode) replaced by U+FFFD,
 * in keys and values. Both databases store text as UTF-8 and make that replacement themselves, so
 * without it `cart_id: "\ud800"` was one string in memory and another stored: two such ids became
 * one cart, and a batch failed to apply on the unique key. Call after the depth check.
 */
export function wellFormed(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(v)) return v.map(wellFormed);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [wellFormed(k) as string, wellFormed(x)]));
  return v;
}

function occurredAt(msg: Record<string, unknown>, receivedAt: number, batchSentAt?: string): number {
  const ts = Date.parse(String(msg.timestamp ?? msg.originalTimestamp ?? ''));
  if (Number.isNaN(ts)) return receivedAt;
  const sentAt = Date.parse(String(msg.sentAt ?? batchSentAt ?? ''));
  const corrected = Number.isNaN(sentAt) || msg.timestamp !== undefined ? ts : receivedAt - (sentAt - ts);
  return Math.min(corrected, receivedAt);
}

export function normalize(raw: unknown, type: 'track' | 'identify' | null, receivedAt: number, batchSentAt?: string): NormalizedEvent | EventProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: '/', message: 'an event must be a JSON object' }];
  // Every caller (ingest, the browser endpoints, webhooks) walks or stores the message recursively next.
  if (nestedDeeperThan(raw, MAX_DEPTH)) return [{ path: '/', message: `event is nested deeper than ${MAX_DEPTH} levels` }];
  const msg = wellFormed(raw) as Record<string, unknown>;
  const kind = type ?? (msg.type === 'identify' ? 'identify' : msg.type === 'track' ? 'track' : null);
  if (!kind) return [{ path: '/type', message: 'must be "track" or "identify" (page, screen, group and alias are not accepted)' }];
  const problems = schemaProblems(kind === 'track' ? TrackEvent : IdentifyEvent, msg);
  if (idOf(msg.userId) === null && idOf(msg.anonymousId) === null) problems.push({ path: '/', message: 'userId or anonymousId is required' });
  const properties = (msg.properties ?? {}) as Record<string, unknown>;
  const context = (msg.context ?? {}) as Record<string, unknown>;
  // Segment puts identify traits in `traits`, and may repeat them for track calls in context.traits.
  const traits = { ...((context.traits as object) ?? {}), ...((msg.traits as object) ?? {}) } as Record<string, unknown>;
  // What apply reads from properties (currency, email, cart and order ids) is checked on every
  // event: an identify with `properties: {currency: 5}` was accepted and then could not be applied.
  problems.push(...schemaProblems(kind === 'track' && COMMERCE_EVENTS.has(String(msg.event)) ? CommerceProperties : ReadProperties, properties, '/properties'));
  // Product Added/Removed carry the product's fields at the top of properties (e-commerce spec v2).
  if (msg.event === EVENTS.productAdded || msg.event === EVENTS.productRemoved) problems.push(...schemaProblems(Product, properties, '/properties'));
  problems.push(...schemaProblems(Traits, traits, '/traits'));
  if (problems.length) return problems;
  return {
    type: kind,
    event: kind === 'track' ? String(msg.event) : null,
    messageId: idOf(msg.messageId) ?? `cb-${newId()}`,
    anonymousId: idOf(msg.anonymousId),
    userId: idOf(msg.userId),
    occurredAt: occurredAt(msg, receivedAt, batchSentAt),
    properties: properties as CommerceProperties,
    traits: traits as Traits,
    payload: msg,
  };
}

/**
 * The normalized event back from its stored row, for the applier: the row keeps the original
 * message (payload) and what normalize() decided (type, name, ids, business time), so nothing is
 * validated or decided twice.
 */
export function fromStored(row: { type: string; event: string | null; message_id: string; anonymous_id: string | null; user_id: string | null; occurred_at: number; payload: string; restore_url: string | null }): NormalizedEvent {
  const msg = JSON.parse(row.payload) as Record<string, unknown>;
  const context = (msg.context ?? {}) as Record<string, unknown>;
  return {
    type: row.type === 'identify' ? 'identify' : 'track',
    event: row.event,
    messageId: row.message_id,
    anonymousId: row.anonymous_id,
    userId: row.user_id,
    occurredAt: row.occurred_at,
    properties: (msg.properties ?? {}) as CommerceProperties,
    traits: { ...((context.traits as object) ?? {}), ...((msg.traits as object) ?? {}) } as Traits,
    payload: msg,
    ...(row.restore_url ? { restoreUrl: row.restore_url } : {}),
  };
}

/**
 * What the platform connectors share. A connector turns a platform's record into Segment-shaped
 * messages and hands them to the same normalize() and acceptEvents() as /v1/track, so every rule holds
 * for webhooks too: validation, idempotency by messageId, snapshots newer-wins, identity stitching,
 * re-arming carts that become reachable, order dedupe by order_id.
 *
 * Platform data is cleaned before validation (NUL characters, over-long names, malformed emails
 * dropped) because a webhook that is refused is retried by the platform for days, and one odd field
 * should not hold back the cart or the order it belongs to.
 */
import { Type } from 'typebox';
import { schemaProblems } from '../../contracts/check.ts';
import { AppError } from '../../kernel/errors.ts';
import { normalize, type EventProblem, type NormalizedEvent } from '../segment.ts';

export type Rec = Record<string, unknown>;

export interface SourceMessage {
  type: 'track' | 'identify';
  /** a Segment track or identify message */
  message: Rec;
  /** the platform's own record, kept in the stored event next to the Segment shape (big ids exact) */
  raw?: unknown;
  /** the platform's own link back to this cart (trusted: it comes from a signed webhook) */
  restoreUrl?: string;
}

/** One signed delivery: its topic and the platform's delivery id (retries repeat it). */
export interface Delivery { topic: string; deliveryId: string | null }

export const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
export const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);

/** Drops undefined fields, so absent platform values never reach the schema as nulls. */
export function compact<T extends Rec>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function text(v: unknown, max = 500): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  // PostgreSQL text cannot hold U+0000.
  const s = String(v).replaceAll('\u0000', '').trim().slice(0, max);
  return s === '' ? undefined : s;
}

/**
 * An id as Cartback keeps ids: a non-empty string (64-bit ids arrive as strings from parseJsonExact).
 * 0 is WooCommerce's "none" (a guest's customer_id, a product without a variation).
 */
export const idOf = (v: unknown): string | undefined => (v === 0 || v === '0' ? undefined : text(v, 200));

const EmailFormat = Type.String({ format: 'email', maxLength: 320 });
export function email(v: unknown): string | undefined {
  const s = text(v, 320);
  return s !== undefined && schemaProblems(EmailFormat, s).length === 0 ? s : undefined;
}

export function amount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function currency(v: unknown): string | undefined {
  return typeof v === 'string' && /^[A-Za-z]{3}$/.test(v) ? v.toUpperCase() : undefined;
}

/**
 * An instant as ISO 8601. `utc` is for WooCommerce's *_gmt fields, which are UTC but written
 * without an offset ("2024-03-22T16:28:08"); read as local time they would shift by the zone.
 */
export function instant(v: unknown, utc = false): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  const withZone = utc && !/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? `${v}Z` : v;
  const t = Date.parse(withZone);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Only http(s) links become restore links; anything else would be a redirect to who knows where. */
export function webUrl(v: unknown): string | undefined {
  const s = text(v, 2000);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Normalizes every message, or refuses the whole delivery naming each problem (nothing is stored). */
export function toEvents(messages: SourceMessage[], receivedAt: number): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const problems: Array<EventProblem & { index: number }> = [];
  messages.forEach((m, index) => {
    const r = normalize(compact(m.message), m.type, receivedAt);
    if (Array.isArray(r)) problems.push(...r.map((p) => ({ ...p, index })));
    else events.push({ ...r, payload: m.raw === undefined ? r.payload : { ...r.payload, raw: m.raw }, restoreUrl: m.restoreUrl });
  });
  if (problems.length) throw new AppError('invalid_event', 'the webhook payload could not be read as cart or order events; nothing was stored', problems.slice(0, 50));
  return events;
}

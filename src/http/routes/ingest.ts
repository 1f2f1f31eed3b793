/**
 * Segment-compatible ingest: POST /v1/track, /v1/identify, /v1/batch. A request is all-or-nothing:
 * any invalid event rejects the whole request with 400 invalid_event and stores nothing; the 200
 * is sent only after its events are committed. A repeated messageId is acknowledged and ignored.
 * The events' effects (contacts, carts, orders) follow within moments, applied in arrival order;
 * `?wait=applied` holds the answer until they are there to read.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { BatchBody, IngestAccepted } from '../../contracts/segment.ts';
import { acceptEvents } from '../../ingest/accept.ts';
import { acceptAndApply } from '../../ingest/ingest.ts';
import { MAX_DEPTH, nestedDeeperThan, normalize, type EventProblem, type NormalizedEvent } from '../../ingest/segment.ts';
import { AppError } from '../../kernel/errors.ts';
import { storeFromWriteKey } from '../auth.ts';

const Anything = Type.Record(Type.String(), Type.Unknown());
const MAX_EVENT_BYTES = 32 * 1024; // Segment's per-event limit

function collect(raws: unknown[], type: 'track' | 'identify' | null, receivedAt: number, sentAt?: string): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const problems: Array<EventProblem & { index: number }> = [];
  raws.forEach((raw, index) => {
    // Before anything walks it recursively (JSON.stringify overflows the stack near 10,000 levels).
    if (nestedDeeperThan(raw, MAX_DEPTH)) return problems.push({ index, path: '/', message: `event is nested deeper than ${MAX_DEPTH} levels` });
    if (JSON.stringify(raw).length > MAX_EVENT_BYTES) return problems.push({ index, path: '/', message: 'event is larger than 32 KB' });
    const r = normalize(raw, type, receivedAt, sentAt);
    if (Array.isArray(r)) problems.push(...r.map((p) => ({ ...p, index })));
    else events.push(r);
  });
  if (problems.length) throw new AppError('invalid_event', `${new Set(problems.map((p) => p.index)).size} event(s) are invalid; nothing was stored`, problems.slice(0, 50));
  return events;
}

export const ingestRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  // Browsers' navigator.sendBeacon can only send text/plain without a CORS preflight, so ingest
  // reads a text/plain body as JSON. Other media types are refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(new AppError('invalid_json', `the body is not JSON: ${(err as Error).message}`), undefined);
    }
  });
  const accept = async (req: FastifyRequest, raws: unknown[], type: 'track' | 'identify' | null, sentAt?: string) => {
    const store = await storeFromWriteKey(s.database.db, req);
    const events = collect(raws, type, s.clock.now(), sentAt);
    const wait = (req.query as { wait?: string }).wait === 'applied';
    const r = wait ? await acceptAndApply(s.database, s.applier, store, events, s.clock.now()) : await acceptEvents(s.database, store, events, s.clock.now());
    if (!wait && r.accepted > 0) s.worker.wake();
    s.metrics.events.inc({ result: 'accepted' }, r.accepted);
    s.metrics.events.inc({ result: 'duplicate' }, r.duplicates);
    return { success: true, ...r };
  };
  const Wait = Type.Object({ wait: Type.Optional(Type.Literal('applied', { description: 'answer only once the events are applied (read-your-writes); at most 10 s' })) });
  const doc = (summary: string, body: object) => ({ schema: { summary, tags: ['ingest'], security: [{ writeKey: [] }], body, querystring: Wait, response: { 200: IngestAccepted } } });

  app.post('/v1/track', doc('Record one event (Segment track)', Anything), async (req) => accept(req, [req.body], 'track'));
  app.post('/v1/identify', doc('Identify a shopper (Segment identify)', Anything), async (req) => accept(req, [req.body], 'identify'));
  app.post('/v1/batch', doc('Record up to 500 events atomically (Segment batch)', BatchBody), async (req) => {
    const body = req.body as { batch: Array<Record<string, unknown>>; context?: Record<string, unknown>; sentAt?: string };
    // Batch-level context is merged under each event's own, as Segment does.
    const raws = body.batch.map((e) => (body.context ? { ...e, context: { ...body.context, ...((e.context as object) ?? {}) } } : e));
    return accept(req, raws, null, body.sentAt);
  });
};

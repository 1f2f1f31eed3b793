/**
 * Invariant 7 over the ingest API, by property (fast-check): any request to /v1/track, /v1/identify
 * or /v1/batch, valid or broken (wrong types, negative quantities, deep nesting, huge strings,
 * malformed or invalid-UTF-8 bytes, over the size limit, odd media types, unicode of every kind),
 * is answered 200 or a documented 4xx with a stable code, never a 5xx. A refused request stores
 * nothing; an accepted one stores its events and every one of them applies (none set aside). And
 * a cart built from Product Added/Removed and snapshots, with timestamps in any order and redelivered
 * messageIds, sent one by one or in batches, is the cart a small model says: the events replayed in
 * the order of their timestamps, whatever order they arrived in. Replay with FC_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { toMinor } from '../../src/kernel/money.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { cartOps, fcParams, ingestRequest, type CartOp, type RawBody } from './arbitraries.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What ingest may answer besides 200 (src/kernel/errors.ts): each with its status. */
const INGEST_CODES: Record<string, number> = { invalid_json: 400, invalid_body: 400, invalid_event: 400, body_too_large: 413, unsupported_media_type: 415 };

for (const dialect of DIALECTS) {
  describe(`ingest properties on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    let storeId: string;
    let writeKey: string;

    const db = () => cb.running.services.database.db;
    const counts = async () => {
      const n = async (table: 'events' | 'contacts' | 'carts' | 'orders') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('store_id', '=', storeId).executeTakeFirstOrThrow()).n);
      return { events: await n('events'), contacts: await n('contacts'), carts: await n('carts'), orders: await n('orders') };
    };
    const setAside = async () => db().selectFrom('events').select(['message_id', 'apply_error']).where('store_id', '=', storeId).where('apply_error', 'is not', null).execute();
    /** Events of this request's that the applier set aside (an earlier run's must not blame this one while shrinking). */
    const setAsideSince = async (before: Set<string>) => (await setAside()).filter((e) => !before.has(e.message_id));

    const send = async (path: string, body: RawBody) => {
      const headers: Record<string, string> = { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` };
      const ct = body.kind === 'json' ? body.contentType : body.contentType;
      if (ct) headers['content-type'] = ct;
      const payload = body.kind === 'json' ? JSON.stringify(body.value) : body.bytes;
      const res = await fetch(`${cb.env.base}/v1${path}?wait=applied`, { method: 'POST', headers, body: payload });
      const text = await res.text();
      let parsed: Row | string = text;
      try {
        parsed = JSON.parse(text) as Row;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    };

    test('a store to send to', async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Props ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'P1D' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ({ id: storeId, writeKey } = r.body);
    });

    test('any request: 200 or a documented 4xx with a stable code; a refusal stores nothing; what is accepted all applies', async () => {
      await fc.assert(
        fc.asyncProperty(ingestRequest, async ({ path, body }) => {
          const before = await counts();
          const asideBefore = new Set((await setAside()).map((e) => e.message_id));
          const r = await send(path, body);
          const after = await counts();
          assert.ok(r.status < 500, `never a 5xx: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
          if (r.status === 200) {
            const ok = r.body as Row;
            assert.equal(ok.success, true);
            assert.equal(ok.applied, true, 'applied before the answer');
            assert.equal(after.events - before.events, ok.accepted, 'every accepted event is stored, nothing else');
            assert.deepEqual(await setAsideSince(asideBefore), [], 'an accepted event always applies: anything it cannot apply must be refused at the door');
            return;
          }
          const code = (r.body as Row)?.error?.code as string | undefined;
          assert.ok(code && INGEST_CODES[code] === r.status, `a documented code with its status: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          assert.deepEqual(after, before, `a refused request stores nothing (${code})`);
        }),
        fcParams(150),
      );
    });

    test('a cart is what its events say in timestamp order, whatever order they arrive in, batched or redelivered', async () => {
      await fc.assert(
        fc.asyncProperty(cartOps, fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 14, maxLength: 14 }), async (ops, chunking) => {
          const cartId = `cart-${randomUUID()}`;
          const anonymousId = `anon-${randomUUID()}`;
          const message = (op: CartOp) => ({
            type: 'track', messageId: `${cartId}:${op.messageId}`, anonymousId, timestamp: new Date(op.at).toISOString(),
            event: op.kind === 'add' ? 'Product Added' : op.kind === 'remove' ? 'Product Removed' : 'Cart Viewed',
            properties: op.kind === 'snapshot'
              ? { cart_id: cartId, products: op.products }
              : { cart_id: cartId, sku: op.sku, price: op.price, ...(op.quantity === undefined ? {} : { quantity: op.quantity }) },
          });
          // Sent one by one or a few at a time in a batch (one apply transaction holds the cart in memory).
          const seen = new Set<string>();
          for (let i = 0, c = 0; i < ops.length; i += chunking[c++]!) {
            const chunk = ops.slice(i, i + chunking[c]!).map(message);
            const r = chunk.length === 1 ? await cb.api.ingest('/track', chunk[0], writeKey) : await cb.api.ingest('/batch', { batch: chunk }, writeKey);
            assert.equal(r.status, 200, JSON.stringify(r.body));
            const dups = chunk.filter((m) => seen.has(m.messageId) || !seen.add(m.messageId)).length;
            assert.equal(r.body.duplicates, dups, 'a redelivered messageId counts once');
          }
          const cart = (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=50&q=${encodeURIComponent(cartId)}`)).body.find((c) => c.external_id === cartId);
          const expected = cartModel(ops);
          const shown = (cart?.items ?? []).map((i: Row) => ({ sku: i.sku, quantity: i.quantity, price: i.price })).sort(bySku);
          assert.deepEqual(shown, expected, `the cart the API shows is the model's (events: ${JSON.stringify(ops)})`);
          if (cart) assert.equal(cart.value, expected.reduce((s, l) => s + l.price * l.quantity, 0), 'its value is the sum of its lines');
        }),
        fcParams(40),
      );
    });

    // Shrunk counterexamples of the cart model: before carts kept their entries (src/carts/apply.ts),
    // deltas applied in arrival order, so a late one did not land at its own time.
    const LATE = { t1: '2024-05-14T10:00:00Z', t2: '2024-05-14T10:01:00Z', t3: '2024-05-14T10:02:00Z' };
    const play = async (events: Array<{ event: string; at: string; properties: object }>) => {
      const cartId = `cart-${randomUUID()}`;
      const anonymousId = `anon-${randomUUID()}`;
      for (const e of events) {
        const r = await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId, event: e.event, timestamp: e.at, properties: { cart_id: cartId, ...e.properties } }, writeKey);
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const cart = (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=50&q=${encodeURIComponent(cartId)}`)).body.find((c) => c.external_id === cartId);
      return (cart?.items ?? []).map((i: Row) => [i.sku, i.quantity]).sort();
    };
    test('a Product Removed that arrives before the earlier Product Added it undoes leaves no line', async () => {
      assert.deepEqual(await play([
        { event: 'Product Removed', at: LATE.t2, properties: { sku: 'LENS-35' } },
        { event: 'Product Added', at: LATE.t1, properties: { sku: 'LENS-35', price: 1, quantity: 1 } },
      ]), []);
    });
    test('a Product Added newer than a snapshot that arrives after it stays in the cart', async () => {
      assert.deepEqual(await play([
        { event: 'Product Added', at: LATE.t3, properties: { sku: 'LENS-35', price: 1, quantity: 1 } },
        { event: 'Cart Viewed', at: LATE.t2, properties: { products: [{ sku: 'TRIPOD', price: 2, quantity: 1 }] } },
      ]), [['LENS-35', 1], ['TRIPOD', 1]]);
    });
  });
}

// The order lines are shown in is not part of the contract.
const bySku = (a: { sku: string }, b: { sku: string }) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/**
 * The cart rules (README, "Connecting a store"; DESIGN §3: business time is the event's) stated
 * plainly: a messageId counts once; the events are replayed in the order of their timestamps (at
 * the same instant a snapshot first, then arrival order), whatever order they arrived in; a
 * snapshot replaces the contents; an add adds to its line and brings its price; a remove takes away
 * its quantity, or the whole line without one, never below zero. A line of 0 is no line.
 */
export function cartModel(ops: CartOp[]): Array<{ sku: string; quantity: number; price: number }> {
  const minor = (p: string | number) => toMinor(Number(p), 'USD');
  const seen = new Set<string>();
  const unique = ops.filter((op) => !seen.has(op.messageId) && seen.add(op.messageId));
  const ordered = unique.map((op, seq) => ({ op, seq })).sort((a, b) => a.op.at - b.op.at || Number(b.op.kind === 'snapshot') - Number(a.op.kind === 'snapshot') || a.seq - b.seq);
  let lines: Array<{ sku: string; quantity: number; price: number }> = [];
  const add = (sku: string, quantity: number, price: number) => {
    const line = lines.find((l) => l.sku === sku);
    if (line) Object.assign(line, { quantity: line.quantity + quantity, price });
    else lines.push({ sku, quantity, price });
  };
  for (const { op } of ordered) {
    if (op.kind === 'snapshot') {
      lines = [];
      for (const p of op.products ?? []) add(p.sku, p.quantity, minor(p.price));
    } else if (op.kind === 'add') {
      add(op.sku, op.quantity ?? 1, minor(op.price));
    } else {
      const line = lines.find((l) => l.sku === op.sku);
      if (line) line.quantity = op.quantity === undefined ? 0 : Math.max(0, line.quantity - op.quantity);
    }
    lines = lines.filter((l) => l.quantity > 0);
  }
  return lines.map((l) => ({ ...l })).sort(bySku);
}

/**
 * Invariant 7 over the platform webhooks, by property (fast-check): Shopify and WooCommerce
 * deliveries, correctly signed (or not), with random topics and payloads that are the real
 * fixtures with fields broken (wrong types, negative quantities, far dates, unicode, deep nests),
 * or garbage (any JSON, any bytes). Each is answered 200 or a documented 4xx with a stable code,
 * never a 5xx; a refused delivery stores nothing, signed garbage stores nothing, and whatever is
 * accepted applies (no event set aside). Replay a failure with FC_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { fcParams, hostileText, isoTimestamp, malformedBytes, nested, shown, wrongValue } from './arbitraries.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SHOPIFY_SECRET = 'shpss_props_0123456789abcdef';
const WOO_SECRET = 'wc-props-secret-0123456789';
/** What a webhook may answer besides 200 (src/kernel/errors.ts). */
const WEBHOOK_CODES: Record<string, number> = { invalid_signature: 401, invalid_json: 400, invalid_event: 400, body_too_large: 413 };

const fixtures = (dir: string) => fs.readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(new URL(`../fixtures/${dir}/${f}`, import.meta.url), 'utf8')) as Row);

type Platform = 'shopify' | 'woocommerce';
const TOPICS: Record<Platform, string[]> = {
  shopify: ['checkouts/create', 'checkouts/update', 'orders/create', 'orders/paid', 'customers/update', 'products/update', 'app/uninstalled', ''],
  woocommerce: ['order.created', 'order.updated', 'order.deleted', 'product.created', ''],
};

/** Every path to a leaf or a container of a JSON value (at most `limit`), for breaking one of them. */
function paths(v: unknown, at: string[] = [], out: string[][] = [], limit = 400): string[][] {
  if (out.length >= limit || at.length > 12) return out;
  out.push(at);
  if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out, limit);
  return out;
}

function setAt(v: Row, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(v);
  let at: Row = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]!] = value;
  return copy;
}

/** A value that goes where a field was: wrong types, negative or huge numbers, far dates, odd text, deep nests. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  wrongValue,
  hostileText(80),
  isoTimestamp,
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.constantFrom(2 ** 63, '18446744073709551617', 1e21, 0.1 + 0.2, 100_001, '9'.repeat(30), '-1', '20000-01-01T00:00:00Z'),
  fc.integer({ min: 20, max: 300 }).map((d) => nested(d)),
);

/** A real payload with a field replaced by arrays nested `depth` deep, written as text (no recursion in the test). */
const deepPayload = (base: Row[]) => fc.tuple(fc.constantFrom(...base), fc.integer({ min: 5_000, max: 60_000 })).map(([record, depth]) => {
  const text = JSON.stringify({ ...record, note_attributes: '@@DEEP@@' }).replace('"@@DEEP@@"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  return { bytes: shown(Buffer.from(text)), garbage: false };
});

/** A payload: a real one with a few fields broken, or garbage. */
const payload = (base: Row[]): fc.Arbitrary<{ bytes: Buffer; garbage: boolean }> => fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...base), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 0, maxLength: 3 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.uuid()).map(([record, changes, id, token]) => {
    // A record of its own (else most runs would be redeliveries of the fixture's checkout or order).
    let v: unknown = { ...record, id, ...('token' in record ? { token: token.replaceAll('-', '') } : {}) };
    for (const [i, r] of changes) {
      const all = paths(v).filter((p) => p.length > 0);
      if (all.length) v = setAt(v as Row, all[i % all.length]!, r);
    }
    return { bytes: shown(Buffer.from(JSON.stringify(v))), garbage: false };
  }) },
  { weight: 2, arbitrary: fc.oneof(fc.anything({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.constantFrom(null, 1, 'x', [], [{}])).map((v) => ({ bytes: shown(Buffer.from(JSON.stringify(v) ?? 'null')), garbage: true })) },
  { weight: 2, arbitrary: malformedBytes.map((bytes) => ({ bytes, garbage: true })) },
  { weight: 1, arbitrary: deepPayload(base) },
);

/** How the delivery is signed: right, with another key, not at all, or over other bytes. */
const signing = fc.constantFrom('right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'wrong-key', 'missing', 'other-bytes', 'garbled') as fc.Arbitrary<'right' | 'wrong-key' | 'missing' | 'other-bytes' | 'garbled'>;

for (const dialect of DIALECTS) {
  describe(`webhook properties on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    let storeId: string;
    const db = () => cb.running.services.database.db;
    const counts = async () => {
      const n = async (table: 'events' | 'contacts' | 'carts' | 'orders') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('store_id', '=', storeId).executeTakeFirstOrThrow()).n);
      return { events: await n('events'), contacts: await n('contacts'), carts: await n('carts'), orders: await n('orders') };
    };
    /** Events the applier set aside, other than those in `before` (an earlier run's must not blame this one while shrinking). */
    const setAside = async (before = new Set<string>()) => (await db().selectFrom('events').select(['message_id', 'apply_error']).where('store_id', '=', storeId).where('apply_error', 'is not', null).execute()).filter((e) => !before.has(e.message_id));

    const deliver = async (platform: Platform, topic: string, bytes: Buffer, sign: string) => {
      const secret = platform === 'shopify' ? SHOPIFY_SECRET : WOO_SECRET;
      const signed = sign === 'other-bytes' ? Buffer.concat([bytes, Buffer.from(' ')]) : bytes;
      const signature = createHmac('sha256', sign === 'wrong-key' ? `${secret}x` : secret).update(signed).digest('base64');
      const sigHeader = platform === 'shopify' ? 'x-shopify-hmac-sha256' : 'x-wc-webhook-signature';
      const headers: Record<string, string> = platform === 'shopify'
        ? { 'x-shopify-topic': topic, 'x-shopify-webhook-id': randomUUID(), 'x-shopify-shop-domain': 'props.myshopify.com' }
        : { 'x-wc-webhook-topic': topic, 'x-wc-webhook-delivery-id': randomUUID().replaceAll('-', ''), 'x-wc-webhook-source': 'https://shop.test/' };
      if (sign !== 'missing') headers[sigHeader] = sign === 'garbled' ? `${signature.slice(0, -4)}@@==` : signature;
      headers['content-type'] = 'application/json';
      const res = await fetch(`${cb.env.base}/v1/webhooks/${platform}/${storeId}?wait=applied`, { method: 'POST', body: bytes, headers });
      const text = await res.text();
      let body: Row | string = text;
      try {
        body = JSON.parse(text) as Row;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body };
    };

    test('a store with both webhook secrets', async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Hooks ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'P1D', shopifyWebhookSecret: SHOPIFY_SECRET, woocommerceWebhookSecret: WOO_SECRET } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      storeId = r.body.id;
    });

    for (const platform of ['shopify', 'woocommerce'] as const) {
      test(`${platform}: any delivery gets 200 or a stable 4xx; refused or garbage stores nothing; accepted applies`, async () => {
        const topic = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOPICS[platform]) }, { weight: 1, arbitrary: hostileText(20).map((t) => t.replace(/[^\x20-\x7e]/g, '')) });
        await fc.assert(
          fc.asyncProperty(topic, payload(fixtures(platform)), signing, async (t, { bytes, garbage }, sign) => {
            const before = await counts();
            const asideBefore = new Set((await setAside()).map((e) => e.message_id));
            const r = await deliver(platform, t, bytes, sign);
            const after = await counts();
            assert.ok(r.status < 500, `never a 5xx: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
            if (sign !== 'right') {
              assert.ok(r.status === 401 || (platform === 'woocommerce' && r.status === 200 && (r.body as Row).ignored === 'ping'), `a forged delivery is refused: ${r.status}`);
            }
            if (r.status === 200) {
              const ok = r.body as Row;
              assert.equal(after.events - before.events, ok.accepted, 'every accepted event is stored, nothing else');
              if (garbage) assert.deepEqual(after, before, 'signed garbage stores nothing');
              assert.deepEqual(await setAside(asideBefore), [], 'an accepted delivery always applies');
              return;
            }
            const code = (r.body as Row)?.error?.code as string | undefined;
            assert.ok(code && WEBHOOK_CODES[code] === r.status, `a documented code with its status: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
            assert.deepEqual(after, before, `a refused delivery stores nothing (${code})`);
          }),
          fcParams(120),
        );
      });
    }
  });
}

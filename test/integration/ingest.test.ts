/**
 * The ingest contract (DESIGN.md §3) as an integrating developer meets it, through the public HTTP
 * API only, on every database: write-key auth in both Segment conventions, messageId idempotency,
 * invariant 7 (bad input → 4xx with a stable code, never a 5xx, never half-applied), prices sent as
 * strings. What the events do to carts and contacts is in ingest-carts.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { client } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { launchIn, testEnv, type TestEnv } from '../harness/server.ts';
import type { Api } from '../harness/shop.ts';
import type { Launched } from '../../src/cli/start.ts';

interface Answer { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any

const basic = (user: string, password = '') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const added = (cartId: string, extra: object = {}) => ({
  type: 'track', messageId: randomUUID(), anonymousId: `anon-${cartId}`, event: 'Product Added',
  properties: { cart_id: cartId, sku: 'MUG-1', name: 'Enamel Mug', price: 12.5, quantity: 1 }, ...extra,
});

for (const dialect of DIALECTS) {
  describe(`ingest contract on ${dialect.name}`, { skip: dialect.skip }, () => {
    let env: TestEnv;
    let running: Launched;
    let api: Api;
    let storeId: string;
    let writeKey: string;

    /** A request exactly as written: any headers, any body bytes; read-your-writes (wait=applied) unless `async`. */
    const raw = async (path: string, body: string | undefined, headers: Record<string, string>, async = false): Promise<Answer> => {
      const res = await fetch(`${env.base}/v1${path}${async ? '' : '?wait=applied'}`, { method: 'POST', headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    };
    const json = (path: string, body: unknown, authorization?: string) =>
      raw(path, JSON.stringify(body), { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) });
    const cartOf = async (externalId: string) => {
      const r = await api.admin('GET', `/stores/${storeId}/carts?limit=500`);
      assert.equal(r.status, 200);
      return (r.body as Array<Record<string, any>>).find((c) => c.external_id === externalId); // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const contactsWith = async (email: string) => (await api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body as unknown[];
    const assertError = (r: Answer, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body?.error?.code, code, JSON.stringify(r.body));
      assert.equal(typeof r.body.error.message, 'string');
    };

    before(async () => {
      env = await testEnv(dialect);
      running = await launchIn(env);
      api = client(env.base);
      // No flow: these tests are about what ingest stores, not about what the engine does with it.
      const created = await api.admin('POST', '/stores', { name: `Ingest ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'PT1H' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ({ id: storeId, writeKey } = created.body);
    });
    after(async () => {
      await running?.app.close();
      await env?.cleanup();
    });

    describe('auth', () => {
      test('no key or a wrong key: 401 unauthorized on every endpoint, and nothing is stored', async () => {
        const cartId = `cart-${randomUUID()}`;
        const event = added(cartId);
        const bodies: Record<string, unknown> = { '/track': event, '/identify': { messageId: randomUUID(), anonymousId: 'a-1', traits: { email: `${cartId}@shopper.test` } }, '/batch': { batch: [event] } };
        for (const [path, body] of Object.entries(bodies)) {
          for (const auth of [undefined, basic('wk_not-a-real-key'), 'Bearer wk_not-a-real-key', basic('', writeKey), `Token ${writeKey}`]) {
            assertError(await json(path, body, auth), 401, 'unauthorized');
          }
        }
        assert.equal(await cartOf(cartId), undefined, 'no cart from a rejected request');
        assert.deepEqual(await contactsWith(`${cartId}@shopper.test`), [], 'no contact from a rejected identify');
        // The very same messageId is new to the store: the rejected attempts left no trace.
        const ok = await json('/track', event, basic(writeKey));
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
        assert.deepEqual(ok.body, { success: true, accepted: 1, duplicates: 0, applied: true });
      });

      test("Segment's Basic convention (key as user, empty password) and Bearer both authenticate", async () => {
        const viaBasic = added(`cart-${randomUUID()}`);
        const viaBearer = added(`cart-${randomUUID()}`);
        const a = await json('/track', viaBasic, basic(writeKey));
        assert.equal(a.status, 200, JSON.stringify(a.body));
        assert.equal(a.body.accepted, 1);
        const b = await json('/track', viaBearer, `Bearer ${writeKey}`);
        assert.equal(b.status, 200, JSON.stringify(b.body));
        assert.equal(b.body.accepted, 1);
        assert.ok(await cartOf(viaBasic.properties.cart_id));
        assert.ok(await cartOf(viaBearer.properties.cart_id));
      });

      test('a rotated write key stops working at once; the new one works', async () => {
        const other = await api.admin('POST', '/stores', { name: `Rotate ${randomUUID().slice(0, 8)}`, templates: false });
        const oldKey = other.body.writeKey as string;
        assert.equal((await json('/track', added(`cart-${randomUUID()}`), basic(oldKey))).status, 200);
        const rotated = await api.admin('POST', `/stores/${other.body.id}/write-key`);
        assert.equal(rotated.status, 200);
        assertError(await json('/track', added(`cart-${randomUUID()}`), basic(oldKey)), 401, 'unauthorized');
        assert.equal((await json('/track', added(`cart-${randomUUID()}`), basic(rotated.body.writeKey))).status, 200);
      });
    });

    describe('idempotency', () => {
      test('the same messageId twice: both 200, the second is a duplicate, the item is in the cart once', async () => {
        const cartId = `cart-${randomUUID()}`;
        const event = added(cartId, { properties: { cart_id: cartId, sku: 'MUG-1', name: 'Enamel Mug', price: 12.5, quantity: 2 } });
        const first = await api.ingest('/track', event, writeKey);
        assert.equal(first.status, 200, JSON.stringify(first.body));
        assert.deepEqual(first.body, { success: true, accepted: 1, duplicates: 0, applied: true });
        const second = await api.ingest('/track', event, writeKey);
        assert.equal(second.status, 200, JSON.stringify(second.body));
        assert.deepEqual(second.body, { success: true, accepted: 0, duplicates: 1, applied: true });
        // a retry arriving inside a batch is a duplicate too
        const third = await api.ingest('/batch', { batch: [event] }, writeKey);
        assert.deepEqual(third.body, { success: true, accepted: 0, duplicates: 1, applied: true });
        const cart = await cartOf(cartId);
        assert.equal(cart?.items.length, 1);
        assert.equal(cart?.items[0].quantity, 2, 'quantity not doubled');
        assert.equal(cart?.item_count, 2);
        assert.equal(cart?.value, 2500);
      });

      test('one messageId twice in one batch is applied once', async () => {
        const cartId = `cart-${randomUUID()}`;
        const event = added(cartId);
        const r = await api.ingest('/batch', { batch: [event, event] }, writeKey);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual(r.body, { success: true, accepted: 1, duplicates: 1, applied: true });
        assert.equal((await cartOf(cartId))?.item_count, 1);
      });
    });

    describe('invariant 7: bad input is a 4xx with a stable code, never half-applied', () => {
      test('malformed JSON: 400 invalid_json', async () => {
        for (const body of ['{"type":"track","event":', 'not json', '{"batch": [}']) {
          assertError(await raw('/track', body, { 'content-type': 'application/json', authorization: basic(writeKey) }), 400, 'invalid_json');
        }
        assertError(await raw('/batch', '{"batch": [', { 'content-type': 'application/json', authorization: basic(writeKey) }), 400, 'invalid_json');
      });

      const invalid: Array<[string, (cartId: string) => object]> = [
        ['quantity -1', (c) => added(c, { properties: { cart_id: c, sku: 'X', price: 1, quantity: -1 } })],
        ['price "abc"', (c) => added(c, { properties: { cart_id: c, sku: 'X', price: 'abc', quantity: 1 } })],
        ['products[] with a bad price', (c) => ({ type: 'track', messageId: randomUUID(), anonymousId: 'a', event: 'Checkout Started', properties: { cart_id: c, products: [{ sku: 'X', price: 'abc' }] } })],
        ['neither userId nor anonymousId', (c) => ({ type: 'track', messageId: randomUUID(), event: 'Product Added', properties: { cart_id: c, sku: 'X', price: 1 } })],
        ['an email that is not an email', () => ({ type: 'identify', messageId: randomUUID(), anonymousId: 'a', traits: { email: 'not-an-email' } })],
        ['type "page"', () => ({ type: 'page', messageId: randomUUID(), anonymousId: 'a', name: 'Home' })],
        ['no type at all in a batch', () => ({ messageId: randomUUID(), anonymousId: 'a', event: 'Product Viewed' })],
        ['a track without an event name', () => ({ type: 'track', messageId: randomUUID(), anonymousId: 'a', properties: {} })],
        ['a timestamp that is not a date', (c) => added(c, { timestamp: 'yesterday' })],
        ['an event over 32 KB', (c) => added(c, { properties: { cart_id: c, sku: 'X', price: 1, note: 'x'.repeat(33 * 1024) } })],
      ];
      for (const [what, make] of invalid) {
        test(`a batch with one invalid event (${what}): 400 invalid_event naming its index, none of the batch stored`, async () => {
          const cartId = `cart-${randomUUID()}`;
          const email = `${cartId}@shopper.test`;
          const valid = [
            added(cartId),
            { type: 'identify', messageId: randomUUID(), anonymousId: `anon-${cartId}`, traits: { email, first_name: 'Ana' } },
            added(cartId, { properties: { cart_id: cartId, sku: 'CUP-2', price: '3.00', quantity: 2 } }),
          ];
          const batch = [valid[0], valid[1], make(`bad-${cartId}`), valid[2]];
          const r = await api.ingest('/batch', { batch }, writeKey);
          assertError(r, 400, 'invalid_event');
          assert.ok(Array.isArray(r.body.error.details), JSON.stringify(r.body));
          assert.deepEqual([...new Set(r.body.error.details.map((d: { index: number }) => d.index))], [2], JSON.stringify(r.body.error.details));
          assert.equal(await cartOf(cartId), undefined, 'the valid events before and after were not applied');
          assert.equal(await cartOf(`bad-${cartId}`), undefined);
          assert.deepEqual(await contactsWith(email), [], 'the identify in the batch was not applied');
          const again = await api.ingest('/batch', { batch: valid }, writeKey);
          assert.equal(again.status, 200, JSON.stringify(again.body));
          assert.deepEqual(again.body, { success: true, accepted: valid.length, duplicates: 0, applied: true }, 'no event of the rejected batch was stored');
          assert.equal((await cartOf(cartId))?.value, 1250 + 600);
        });
      }

      test('the single-event endpoints reject the same way', async () => {
        const cartId = `cart-${randomUUID()}`;
        const bad = added(cartId, { properties: { cart_id: cartId, sku: 'X', price: 1, quantity: -1 } });
        const r = await api.ingest('/track', bad, writeKey);
        assertError(r, 400, 'invalid_event');
        assert.equal(r.body.error.details[0].index, 0);
        assert.match(JSON.stringify(r.body.error.details), /quantity/);
        assertError(await api.ingest('/identify', { messageId: randomUUID(), anonymousId: 'a', traits: { email: 'nope' } }, writeKey), 400, 'invalid_event');
        assertError(await api.ingest('/identify', { messageId: randomUUID(), traits: { email: 'ok@shopper.test' } }, writeKey), 400, 'invalid_event');
        assert.equal(await cartOf(cartId), undefined);
      });

      test('a body over 512 KB: 413 body_too_large', async () => {
        const big = { batch: [added(`cart-${randomUUID()}`, { properties: { pad: 'x'.repeat(600 * 1024) } })] };
        assertError(await json('/batch', big, basic(writeKey)), 413, 'body_too_large');
        assertError(await json('/track', big.batch[0], basic(writeKey)), 413, 'body_too_large');
      });

      test('a batch of 501 events: 400 and nothing stored; 500 is accepted', async () => {
        const cartId = `cart-${randomUUID()}`;
        const view = () => ({ type: 'track', messageId: randomUUID(), anonymousId: `anon-${cartId}`, event: 'Product Viewed', properties: { sku: 'X' } });
        const tooMany = [added(cartId), ...Array.from({ length: 500 }, view)];
        const r = await api.ingest('/batch', { batch: tooMany }, writeKey);
        assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 500));
        assert.match(r.body.error.code, /^invalid_/);
        assert.equal(await cartOf(cartId), undefined);
        const ok = await api.ingest('/batch', { batch: tooMany.slice(0, 500) }, writeKey);
        assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 500));
        assert.deepEqual(ok.body, { success: true, accepted: 500, duplicates: 0, applied: true });
        assert.ok(await cartOf(cartId));
      });

      test('an empty batch, or no batch array: 400, never a 5xx', async () => {
        for (const body of [{ batch: [] }, {}, { batch: 'x' }, { batch: [1, 2] }, []]) {
          const r = await api.ingest('/batch', body, writeKey);
          assert.equal(r.status, 400, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
          assert.match(r.body.error.code, /^invalid_/);
        }
        for (const body of ['null', '[]', '"text"', '42']) {
          const r = await raw('/track', body, { 'content-type': 'application/json', authorization: basic(writeKey) });
          assert.ok(r.status >= 400 && r.status < 500, `${body} → ${r.status} ${JSON.stringify(r.body)}`);
          assert.match(r.body.error.code, /^invalid_/);
        }
      });

      test('a content type other than JSON: 415 unsupported_media_type', async () => {
        const body = JSON.stringify(added(`cart-${randomUUID()}`));
        for (const type of ['application/xml', 'application/octet-stream', 'multipart/form-data; boundary=x']) {
          assertError(await raw('/track', body, { 'content-type': type, authorization: basic(writeKey) }), 415, 'unsupported_media_type');
        }
      });

      // navigator.sendBeacon sends text/plain: ingest reads it as JSON, and refuses it if it is not.
      test('JSON sent as text/plain is read as JSON; text that is not JSON is invalid_json', async () => {
        const cartId = `cart-${randomUUID()}`;
        const r = await raw('/track', JSON.stringify(added(cartId)), { 'content-type': 'text/plain;charset=UTF-8', authorization: basic(writeKey) });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assertError(await raw('/track', 'not json', { 'content-type': 'text/plain', authorization: basic(writeKey) }), 400, 'invalid_json');
      });

      // Only the unsubscribe route takes forms (RFC 8058); ingest refuses them.
      test('a form-encoded body: 415 unsupported_media_type, nothing stored', async () => {
        const cartId = `cart-${randomUUID()}`;
        const messageId = randomUUID();
        const form = new URLSearchParams({ type: 'track', event: 'Product Added', anonymousId: `anon-${cartId}`, messageId, 'properties[cart_id]': cartId }).toString();
        assertError(await raw('/track', form, { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(writeKey) }), 415, 'unsupported_media_type');
        const replay = await api.ingest('/track', added(cartId, { messageId }), writeKey);
        assert.deepEqual(replay.body, { success: true, accepted: 1, duplicates: 0, applied: true }, 'the form-encoded event was stored');
      });
    });

    describe('outbox', () => {
      test('without wait=applied the answer comes once the event is stored, and its effect follows', async () => {
        const event = added(`cart-${randomUUID()}`);
        const r = await raw('/track', JSON.stringify(event), { 'content-type': 'application/json', authorization: basic(writeKey) }, true);
        assert.deepEqual(r.body, { success: true, accepted: 1, duplicates: 0 });
        const stored = await running.services.database.db.selectFrom('events').select('id').where('message_id', '=', event.messageId).executeTakeFirst();
        assert.ok(stored, 'durable before the answer');
        for (let i = 0; i < 200 && !(await cartOf(event.properties.cart_id)); i++) await new Promise((res) => setTimeout(res, 25));
        assert.equal((await cartOf(event.properties.cart_id))?.item_count, 1, 'applied by the engine within moments');
      });
    });

    describe('amounts', () => {
      test('prices sent as strings are accepted; the cart value is in minor units', async () => {
        const cartId = `cart-${randomUUID()}`;
        const r = await api.ingest('/track', added(cartId, { properties: { cart_id: cartId, sku: 'BOOK-1', name: 'Field Guide', price: '19.99', quantity: 1 } }), writeKey);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const cart = await cartOf(cartId);
        assert.equal(cart?.value, 1999);
        assert.equal(cart?.items[0].price, 1999);
        assert.equal(cart?.currency, 'USD');
        // a string price in a products[] snapshot too, with a quantity
        const snap = await api.ingest('/track', { messageId: randomUUID(), anonymousId: `anon-${cartId}`, event: 'Checkout Started', properties: { cart_id: cartId, products: [{ sku: 'BOOK-1', price: '19.99', quantity: 3 }, { sku: 'PEN', price: 0.1, quantity: 3 }] } }, writeKey);
        assert.equal(snap.status, 200, JSON.stringify(snap.body));
        assert.equal((await cartOf(cartId))?.value, 3 * 1999 + 3 * 10, 'exact: no floating-point drift');
      });
    });
  });
}

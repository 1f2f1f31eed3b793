/**
 * Invariant 7 at the edges of the ingest contract: inputs that pass the request-level checks but
 * that the database or the apply step cannot take. Each must get a 4xx with a stable code (or be
 * stored exactly), never a 5xx. Every case here answered 500 before it was fixed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { client } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { launchIn, testEnv, type TestEnv } from '../harness/server.ts';
import type { Api } from '../harness/shop.ts';
import type { Launched } from '../../src/cli/start.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const dialect of DIALECTS) {
  describe(`hostile ingest input on ${dialect.name}`, { skip: dialect.skip }, () => {
    let env: TestEnv;
    let running: Launched;
    let api: Api;
    let storeId: string;
    let writeKey: string;

    const track = (body: object) => api.ingest('/track', { messageId: randomUUID(), anonymousId: `anon-${randomUUID()}`, ...body }, writeKey);
    const cartOf = async (externalId: string) => (await api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=500`)).body.find((c) => c.external_id === externalId);
    const assertInvalidEvent = (r: { status: number; body: Row }) => {
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'invalid_event', JSON.stringify(r.body));
    };

    before(async () => {
      env = await testEnv(dialect);
      running = await launchIn(env);
      api = client(env.base);
      const created = await api.admin('POST', '/stores', { name: `Hostile ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'PT1H' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ({ id: storeId, writeKey } = created.body);
    });
    after(async () => {
      await running?.app.close();
      await env?.cleanup();
    });

    test('a non-commerce event with a non-string properties.currency: 400 invalid_event', async () => {
      assertInvalidEvent(await track({ event: 'Wishlist Shared', properties: { currency: 5 } }));
    });

    test('an identify with a non-string properties.currency: 400 invalid_event (it was accepted, then set aside by the applier)', async () => {
      assertInvalidEvent(await api.ingest('/identify', { messageId: randomUUID(), anonymousId: `anon-${randomUUID()}`, traits: {}, properties: { currency: 5 } }, writeKey));
      assertInvalidEvent(await api.ingest('/batch', { batch: [{ type: 'identify', anonymousId: `anon-${randomUUID()}`, traits: {}, properties: { email: 'not-an-email' } }] }, writeKey));
    });

    test('a non-commerce event with a non-string properties.email: 400 invalid_event', async () => {
      assertInvalidEvent(await track({ event: 'Wishlist Shared', properties: { email: 12345 } }));
    });

    test('a non-commerce event with properties.email that is not an email: 400, and no contact with it', async () => {
      const r = await track({ event: 'Wishlist Shared', properties: { email: 'not-an-email' } });
      const contacts = (await api.admin<Row[]>('GET', `/stores/${storeId}/contacts?email=not-an-email`)).body;
      assert.deepEqual(contacts, [], 'no contact carries an address that is not one');
      assertInvalidEvent(r);
    });

    test('price × quantity beyond what a cart value can hold: 400, or stored exactly; never a 5xx', async () => {
      const cartId = `cart-${randomUUID()}`;
      const r = await track({ event: 'Product Added', properties: { cart_id: cartId, sku: 'GOLD', price: 1e12, quantity: 100000 } });
      assert.ok(r.status < 500, `${r.status} ${JSON.stringify(r.body)}`);
      if (r.status === 200) assert.ok(Number.isSafeInteger((await cartOf(cartId))?.value), 'the cart value is an exact integer');
      else assertInvalidEvent(r);
    });

    // Shrunk counterexamples of test/properties/ingest.test.ts.
    test('a body nested 20,000 levels deep: 400 invalid_event and nothing stored (was a 500: JSON.stringify overflowed the stack)', async () => {
      const anonymousId = `anon-${randomUUID()}`;
      const raw = `{"event":"x","anonymousId":"${anonymousId}","properties":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
      const r = await api.ingest('/track', raw, writeKey);
      assertInvalidEvent(r);
      const batch = await api.ingest('/batch', `{"batch":[{"type":"track","event":"x","anonymousId":"${anonymousId}","properties":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}}]}`, writeKey);
      assertInvalidEvent(batch);
      const stored = await running.services.database.db.selectFrom('events').select('id').where('store_id', '=', storeId).where('anonymous_id', '=', anonymousId).execute();
      assert.deepEqual(stored, []);
    });

    test('a Product Added stamped before 1970 is in the cart (it was taken for part of a snapshot from the epoch and dropped)', async () => {
      const cartId = `cart-${randomUUID()}`;
      const r = await track({ event: 'Product Added', timestamp: '1969-07-20T20:17:00Z', properties: { cart_id: cartId, sku: 'LENS-35', price: 1, quantity: 1 } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await cartOf(cartId))?.items.map((i: Row) => [i.sku, i.quantity]), [['LENS-35', 1]]);
    });

    test('a duration setting no cart can use (PT0S, P, P99999999999999W) is refused with 400; the store keeps taking events', async () => {
      for (const [key, bad] of [['abandonAfter', 'PT0S'], ['abandonAfter', 'P'], ['abandonAfter', 'P99999999999999W'], ['attributionWindow', 'PT'], ['holdBackOnReturn', 'PT0.2S'], ['frequencyCap', { max: 1, per: 'P' }]] as const) {
        const r = await api.admin('PATCH', `/stores/${storeId}`, { settings: { [key]: bad } });
        assert.deepEqual([r.status, r.body.error?.code], [400, 'invalid_body'], `${key}: ${JSON.stringify(bad)} ${JSON.stringify(r.body)}`);
      }
      // Before, abandonAfter PT0S was saved, and every cart event of the store was then set aside with its error.
      const cartId = `cart-${randomUUID()}`;
      const r = await track({ event: 'Product Added', properties: { cart_id: cartId, sku: 'LENS-35', price: 1 } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((await cartOf(cartId))?.item_count, 1);
    });

    test('cart ids with different lone surrogates are one cart, as the databases store them (a batch failed to apply on the unique key)', async () => {
      const anonymousId = `anon-${randomUUID()}`;
      const stamp = randomUUID().slice(0, 8);
      for (const cartId of [`${stamp}\ud800`, `${stamp}\udfff`]) {
        const r = await api.ingest('/track', { messageId: randomUUID(), anonymousId, event: 'Product Added', properties: { cart_id: cartId, sku: 'LENS-35', price: 1 } }, writeKey);
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const aside = await running.services.database.db.selectFrom('events').select('apply_error').where('store_id', '=', storeId).where('anonymous_id', '=', anonymousId).where('apply_error', 'is not', null).execute();
      assert.deepEqual(aside, [], 'every event applied');
      assert.equal((await cartOf(`${stamp}\ufffd`))?.item_count, 2, 'both adds are in the one cart');
    });

    test('a deep event on the public browser endpoint: 400 invalid_event, not a 500', async () => {
      const store = (await api.admin('GET', `/stores/${storeId}`)).body;
      const res = await fetch(`${env.base}/v1/p/track?key=${store.publicKey}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `{"event":"x","anonymousId":"a","properties":{"deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}}` }); // 20 KB, under the 32 KB limit
      assert.deepEqual([res.status, ((await res.json()) as Row).error?.code], [400, 'invalid_event']);
    });

    for (const [where, body] of [
      ['the event name', { event: 'Wishlist\u0000Shared' }],
      ['the anonymousId', { event: 'Wishlist Shared', anonymousId: 'anon\u0000x' }],
      ['the userId', { event: 'Wishlist Shared', userId: 'user\u0000x' }],
      ['the messageId', { event: 'Wishlist Shared', messageId: `m\u0000${randomUUID()}` }],
    ] as const) {
      test(`a NUL character in ${where}: never a 5xx`, async () => {
        const event = { messageId: randomUUID(), anonymousId: `anon-${randomUUID()}`, ...body };
        const r = await api.ingest('/track', event, writeKey);
        assert.ok(r.status < 500, `${r.status} ${JSON.stringify(r.body)}`);
        if (r.status !== 200) return assertInvalidEvent(r);
        const again = await api.ingest('/track', event, writeKey);
        assert.deepEqual(again.body, { success: true, accepted: 0, duplicates: 1 }, 'accepted means stored');
      });
    }
  });
}

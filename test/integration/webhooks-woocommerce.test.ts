/**
 * WooCommerce order webhooks, signed and shaped as WooCommerce sends them, on every database: the
 * unsigned ping when a webhook is saved, forged deliveries refused, a pending order recovered by
 * email through WooCommerce's own payment page, and the sequence stopped once the order is paid.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SECRET = 'wc-webhook-secret-4f8a2c9e1b7d';
const EMAIL = 'lukas.becker@example.de';
const MODIFIED = { pending: '2024-05-14T10:00:05', processing: '2024-05-14T10:09:40' };
const PAY_URL = 'https://shop.example.de/checkout/order-pay/727/?pay_for_order=true&key=wc_order_Xy7kPq2LmN4sT';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const linkIn = (html: string, kind: string) => html.match(new RegExp(`href="([^"]*/${kind}/[^"]+)"`))?.[1]?.replaceAll('&amp;', '&');
/** WooCommerce's *_gmt format: UTC without an offset. */
const gmtAgo = (ms: number) => new Date(Date.now() - ms).toISOString().slice(0, 19);

function fixture(name: string, swap: Record<string, string> = {}): string {
  let text = fs.readFileSync(new URL(`../fixtures/woocommerce/${name}`, import.meta.url), 'utf8');
  for (const [from, to] of Object.entries(swap)) text = text.replaceAll(from, to);
  return text;
}

for (const dialect of DIALECTS) {
  describe(`WooCommerce webhooks on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    const wooStore = async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const r = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { woocommerceWebhookSecret: SECRET } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return storeId;
    };
    const post = async (storeId: string, body: string, headers: Record<string, string>) => {
      const res = await fetch(`${cb.env.base}/v1/webhooks/woocommerce/${storeId}?wait=applied`, { method: 'POST', body, headers: { 'user-agent': 'WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)', ...headers } });
      return { status: res.status, body: (await res.json()) as Row };
    };
    const deliver = async (storeId: string, topic: string, body: string, o: { deliveryId?: string; secret?: string } = {}) =>
      post(storeId, body, {
        'content-type': 'application/json', 'x-wc-webhook-source': 'https://shop.example.de/', 'x-wc-webhook-topic': topic, 'x-wc-webhook-resource': 'order',
        'x-wc-webhook-event': topic.split('.')[1]!, 'x-wc-webhook-id': '14', 'x-wc-webhook-delivery-id': o.deliveryId ?? randomUUID().replaceAll('-', ''),
        'x-wc-webhook-signature': createHmac('sha256', o.secret ?? SECRET).update(body).digest('base64'),
      });
    const ok = async (...args: Parameters<typeof deliver>) => {
      const r = await deliver(...args);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const carts = async (storeId: string) => (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=500`)).body;
    const cartOf = async (storeId: string) => (await carts(storeId)).find((c) => c.external_id === 'wc-order:727');
    const timelineOf = async (storeId: string, email: string) => {
      const r = await cb.api.admin<Row[]>('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`);
      assert.equal(r.body.length, 1, JSON.stringify(r.body));
      return (await cb.api.admin<Row>('GET', `/stores/${storeId}/contacts/${r.body[0]!.id}`)).body;
    };

    test('the ping WooCommerce sends when a webhook is saved is answered and stores nothing', async () => {
      const storeId = await wooStore();
      const r = await post(storeId, fixture('ping.txt'), { 'content-type': 'application/x-www-form-urlencoded' });
      assert.deepEqual([r.status, r.body.ignored], [200, 'ping']);
      assert.equal((await post('no-such-store', fixture('ping.txt'), { 'content-type': 'application/x-www-form-urlencoded' })).status, 404);
      assert.deepEqual(await carts(storeId), []);
    });

    test('an unsigned or wrongly signed order is refused and stores nothing', async () => {
      const storeId = await wooStore();
      const body = fixture('order-pending.json', { [MODIFIED.pending]: gmtAgo(0) });
      const forged = await deliver(storeId, 'order.created', body, { secret: 'guessed' });
      assert.deepEqual([forged.status, forged.body.error?.code], [401, 'invalid_signature']);
      const unsigned = await post(storeId, body, { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created' });
      assert.deepEqual([unsigned.status, unsigned.body.error?.code], [401, 'invalid_signature']);
      assert.deepEqual(await carts(storeId), []);
    });

    test('a signed order with a field nested 10,000 levels deep: 400 invalid_event, nothing stored (was a 500; found by test/properties/webhooks.test.ts)', async () => {
      const storeId = await wooStore();
      const deep = JSON.stringify({ ...JSON.parse(fixture('order-pending.json')), meta_data: 'DEEP' }).replace('"DEEP"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      const r = await deliver(storeId, 'order.created', deep);
      assert.deepEqual([r.status, r.body.error?.code], [400, 'invalid_event'], JSON.stringify(r.body));
      assert.deepEqual(await carts(storeId), []);
    });

    test('a pending order is a cart that gets the reminder; paid, it stops the sequence; duplicates count once', async () => {
      const storeId = await wooStore();
      const email = `${randomUUID()}@shopper.test`;
      const pending = fixture('order-pending.json', { [EMAIL]: email, [MODIFIED.pending]: gmtAgo(0) });
      await ok(storeId, 'order.created', pending, { deliveryId: 'd-1' });
      assert.equal((await ok(storeId, 'order.created', pending, { deliveryId: 'd-1' })).duplicates, 2, 'a redelivery');
      assert.equal((await ok(storeId, 'order.updated', pending)).duplicates, 2, 'the same order state from order.updated');
      const cart = await cartOf(storeId);
      assert.deepEqual(cart?.items.map((i: Row) => [i.sku, i.productId, i.quantity, i.price]), [['MUG-ENAMEL-FOREST', '95', 2, 1250], ['BLANKET-WOOL', '88', 1, 3900]]);
      assert.deepEqual([cart?.value, cart?.currency, cart?.restore_url], [6400, 'EUR', PAY_URL]);

      const [first] = await eventually('the first email', async () => cb.to(email).length >= 1 && cb.to(email), 8000);
      assert.match(first!.html as string, /Enamel Camp Mug - Forest/);
      assert.equal((await cb.api.get(linkIn(first!.html as string, 'r')!)).headers.get('location'), PAY_URL, "WooCommerce's pay-for-order page");

      const paid = fixture('order-processing.json', { [EMAIL]: email, [MODIFIED.processing]: gmtAgo(0), '2024-05-14T10:09:38': gmtAgo(1000) });
      await ok(storeId, 'order.updated', paid);
      await ok(storeId, 'order.updated', paid.replace('"status": "processing"', '"status": "completed"'));
      await sleep(5000); // both later steps would have been due
      assert.equal(cb.to(email).length, 1, 'nothing after the order');
      const t = await timelineOf(storeId, email);
      assert.equal(t.timeline.find((e: Row) => e.kind === 'run')?.data.exit_reason, 'purchased');
      const orders = t.timeline.filter((e: Row) => e.kind === 'order');
      assert.deepEqual(orders.map((o: Row) => [o.data.external_id, o.data.total, o.data.currency]), [['727', 6390, 'EUR']], 'processing then completed: one order');
      assert.ok(['purchased', 'recovered'].includes((await cartOf(storeId))?.status));
      assert.deepEqual([t.contact.first_name, t.contact.last_name], ['Lukas', 'Becker']);
    });

    test('refunded marks the order refunded; cancelled is kept in the timeline and changes nothing', async () => {
      const storeId = await wooStore();
      const email = `${randomUUID()}@shopper.test`;
      const [paidAt, cancelledAt, refundedAt] = [gmtAgo(60_000), gmtAgo(30_000), gmtAgo(1000)];
      const paid = fixture('order-processing.json', { [EMAIL]: email, [MODIFIED.processing]: paidAt });
      await ok(storeId, 'order.created', paid);
      await ok(storeId, 'order.updated', paid.replace('"status": "processing"', '"status": "cancelled"').replace(paidAt, cancelledAt));
      let t = await timelineOf(storeId, email);
      assert.ok(t.timeline.some((e: Row) => e.summary === 'Order Cancelled'), JSON.stringify(t.timeline));
      assert.equal(t.timeline.find((e: Row) => e.kind === 'order')?.data.refunded_at, null);
      await ok(storeId, 'order.updated', paid.replace('"status": "processing"', '"status": "refunded"').replace(paidAt, refundedAt));
      t = await timelineOf(storeId, email);
      assert.notEqual(t.timeline.find((e: Row) => e.kind === 'order')?.data.refunded_at, null);
      assert.equal((await ok(storeId, 'product.updated', '{"id": 93}')).ignored, 'topic product.updated is not used by Cartback');
    });
  });
}

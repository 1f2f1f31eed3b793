/**
 * Shopify webhooks, signed as Shopify signs them, with payloads shaped like Shopify's, on every
 * database: what a store owner would notice. Forged deliveries store nothing; retries have one
 * effect; a late older update does not roll the cart back; 64-bit ids stay exact; a checkout that
 * gets its email later is recovered through Shopify's own checkout link, and the order stops it.
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SECRET = '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';
// Values in the fixtures that each test makes its own.
const TOKEN = '3f2c8e0b5a9d4c71b6e2f4a8d0c1e9b7';
const EMAIL = 'mei.chen@example.com';
const AT = { created: '2024-05-14T10:00:00+08:00', updated: '2024-05-14T10:02:00+08:00', order: '2024-05-14T10:20:00+08:00' };
const RECOVER = `https://lumen-optics.myshopify.com/58291372154/checkouts/${TOKEN}/recover?key=7f1e2d3c4b5a69788796a5b4c3d2e1f0`;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const linkIn = (html: string, kind: string) => html.match(new RegExp(`href="([^"]*/${kind}/[^"]+)"`))?.[1]?.replaceAll('&amp;', '&');

/** A fixture's raw text (never through JSON.parse: that would round its 64-bit ids), made this test's own. */
function fixture(name: string, swap: Record<string, string>): string {
  let text = fs.readFileSync(new URL(`../fixtures/shopify/${name}`, import.meta.url), 'utf8');
  for (const [from, to] of Object.entries(swap)) text = text.replaceAll(from, to);
  return text;
}

for (const dialect of DIALECTS) {
  describe(`Shopify webhooks on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    /** A shopper of their own: a fresh checkout token and email. */
    const shopper = () => {
      const token = randomBytes(16).toString('hex');
      const email = `${randomUUID()}@shopper.test`;
      return { token, email, swap: (extra: Record<string, string> = {}) => ({ [TOKEN]: token, [EMAIL]: email, ...extra }) };
    };
    const withSecret = async (storeId: string) => {
      const r = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { shopifyWebhookSecret: SECRET } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };
    const quietStore = async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Shopify ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'PT1H' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      await withSecret(r.body.id);
      return r.body.id as string;
    };
    const deliver = async (storeId: string, topic: string, body: string, o: { id?: string; secret?: string; signature?: string | null } = {}) => {
      const signature = o.signature === undefined ? createHmac('sha256', o.secret ?? SECRET).update(body).digest('base64') : o.signature;
      const res = await fetch(`${cb.env.base}/v1/webhooks/shopify/${storeId}?wait=applied`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': o.id ?? randomUUID(),
          'x-shopify-shop-domain': 'lumen-optics.myshopify.com', 'x-shopify-api-version': '2024-04', ...(signature === null ? {} : { 'x-shopify-hmac-sha256': signature }),
        },
      });
      return { status: res.status, body: (await res.json()) as Row };
    };
    const ok = async (...args: Parameters<typeof deliver>) => {
      const r = await deliver(...args);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const carts = async (storeId: string) => (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=500`)).body;
    const cartOf = async (storeId: string, token: string) => (await carts(storeId)).find((c) => c.external_id === token);
    const contactOf = async (storeId: string, email: string) => {
      const r = await cb.api.admin<Row[]>('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`);
      assert.equal(r.body.length, 1, `one contact for ${email}: ${JSON.stringify(r.body)}`);
      return (await cb.api.admin<Row>('GET', `/stores/${storeId}/contacts/${r.body[0]!.id}`)).body;
    };
    const lines = (cart: Row | undefined) => cart?.items.map((i: Row) => [i.sku ?? i.productId, i.quantity, i.price]);

    test('forged, unsigned or unconfigured deliveries are refused and store nothing', async () => {
      const storeId = await quietStore();
      const s = shopper();
      const body = fixture('checkout-update.json', s.swap());
      const refused = [
        await deliver(storeId, 'checkouts/update', body, { secret: 'not-the-secret' }),
        await deliver(storeId, 'checkouts/update', body, { signature: null }),
        await deliver(storeId, 'checkouts/update', body.replace('"quantity": 2', '"quantity": 20'), { signature: createHmac('sha256', SECRET).update(body).digest('base64') }),
      ];
      for (const r of refused) assert.deepEqual([r.status, r.body.error?.code], [401, 'invalid_signature'], JSON.stringify(r.body));
      const unconfigured = await cb.api.admin('POST', '/stores', { name: 'No secret', templates: false });
      const r = await deliver(unconfigured.body.id, 'checkouts/update', body, { secret: '' });
      assert.deepEqual([r.status, r.body.error?.code], [401, 'invalid_signature']);
      const missing = await deliver('no-such-store', 'checkouts/update', body);
      assert.deepEqual([missing.status, missing.body.error?.code], [404, 'store_not_found']);
      assert.deepEqual(await carts(storeId), [], 'nothing stored');
      assert.deepEqual(await carts(unconfigured.body.id), []);
      await ok(storeId, 'checkouts/update', body); // and the genuine one is taken
      assert.ok(await cartOf(storeId, s.token));
    });

    test('a checkout is the cart: its lines, Shopify link and shopper, 64-bit ids exact; a retried delivery counts once', async () => {
      const storeId = await quietStore();
      const s = shopper();
      const body = fixture('checkout-update.json', s.swap());
      assert.deepEqual(await ok(storeId, 'checkouts/update', body, { id: 'wh-1' }), { success: true, accepted: 2, duplicates: 0, applied: true });
      assert.deepEqual(await ok(storeId, 'checkouts/update', body, { id: 'wh-1' }), { success: true, accepted: 0, duplicates: 2, applied: true });
      const cart = await cartOf(storeId, s.token);
      assert.deepEqual(lines(cart), [['LENS-35-E', 1, 34900], ['9007199254740999', 2, 21950]], 'quantities not doubled; the variant id exact');
      assert.deepEqual([cart?.value, cart?.item_count, cart?.currency], [78800, 3, 'USD']);
      assert.equal(cart?.restore_url, RECOVER.replace(TOKEN, s.token));
      const { contact } = await contactOf(storeId, s.email);
      assert.equal(cart?.contact_id, contact.id);
      assert.deepEqual([contact.first_name, contact.last_name, contact.locale, contact.email_consent], ['Mei', 'Chen', 'zh-TW', null]);
      assert.equal(contact.traits.shopify_customer_id, '9007199254740993', 'not 9007199254740992');
    });

    test('a checkouts/update older than the stored one changes nothing; a newer one does', async () => {
      const storeId = await quietStore();
      const s = shopper();
      await ok(storeId, 'checkouts/update', fixture('checkout-update.json', s.swap({ [AT.updated]: ago(30_000) })));
      await ok(storeId, 'checkouts/create', fixture('checkout-create-no-email.json', s.swap({ [AT.created]: ago(60_000) })));
      assert.deepEqual(lines(await cartOf(storeId, s.token)), [['LENS-35-E', 1, 34900], ['9007199254740999', 2, 21950]]);
      await ok(storeId, 'checkouts/update', fixture('checkout-update.json', s.swap({ [AT.updated]: ago(10_000), '"quantity": 2': '"quantity": 1' })));
      assert.equal((await cartOf(storeId, s.token))?.item_count, 2);
    });

    test('orders/create and orders/paid are one order, matched to its checkout; a late completed checkout does not reopen it', async () => {
      const storeId = await quietStore();
      const s = shopper();
      await ok(storeId, 'checkouts/update', fixture('checkout-update.json', s.swap({ [AT.updated]: ago(60_000) })));
      const order = fixture('order-create.json', s.swap({ [AT.order]: ago(30_000) }));
      await ok(storeId, 'orders/create', order, { id: 'wh-order' });
      assert.equal((await ok(storeId, 'orders/create', order, { id: 'wh-order' })).duplicates, 1);
      await ok(storeId, 'orders/paid', fixture('order-paid.json', s.swap({ [AT.order]: ago(30_000) })));
      const completed = fixture('checkout-update.json', s.swap({ [AT.updated]: ago(20_000), '"completed_at": null': `"completed_at": "${ago(20_000)}"` }));
      await ok(storeId, 'checkouts/update', completed);
      const t = await contactOf(storeId, s.email);
      const orders = t.timeline.filter((e: Row) => e.kind === 'order');
      assert.equal(orders.length, 1, 'one order');
      assert.deepEqual([orders[0].data.external_id, orders[0].data.total, orders[0].data.currency], ['9007199254740995', 77800, 'USD']);
      const cart = await cartOf(storeId, s.token);
      assert.equal(cart?.status, 'purchased');
      assert.equal(orders[0].data.cart_id, cart?.id);
      assert.equal(t.carts.length, 1);
    });

    test('customers/update updates the contact: names, phone, an unsubscribe', async () => {
      const storeId = await quietStore();
      const s = shopper();
      await ok(storeId, 'checkouts/update', fixture('checkout-update.json', s.swap({ [AT.updated]: ago(60_000) })));
      await ok(storeId, 'customers/update', fixture('customer-update.json', s.swap({ '2024-05-20T09:15:00+08:00': ago(1000) })));
      const { contact } = await contactOf(storeId, s.email);
      assert.deepEqual([contact.first_name, contact.phone, contact.email_consent], ['Meiling', '+886912345678', 0]);
      assert.equal(contact.traits.shopify_customer_id, '9007199254740993');
      assert.deepEqual((await ok(storeId, 'app/uninstalled', '{"id": 1}')).ignored, 'topic app/uninstalled is not used by Cartback');
    });

    test('a checkout without email waits; its email arrives later; the reminder leads to Shopify; the order stops the sequence', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      await withSecret(storeId);
      const s = shopper();
      await ok(storeId, 'checkouts/create', fixture('checkout-create-no-email.json', s.swap({ [AT.created]: ago(0) })));
      const quiet = await eventually('the cart goes quiet', async () => {
        const c = await cartOf(storeId, s.token);
        return c?.status === 'abandoned' && c;
      }, 8000);
      assert.deepEqual([quiet.contact_id, quiet.enrolled_at], [null, null], 'nobody to reach: not enrolled');
      assert.equal(cb.to(s.email).length, 0);

      await ok(storeId, 'checkouts/update', fixture('checkout-update.json', s.swap({ [AT.updated]: ago(0) })));
      const [first] = await eventually('the first email', async () => cb.to(s.email).length >= 1 && cb.to(s.email), 8000);
      assert.match(first!.html as string, /Carbon Travel Tripod/);
      const restore = await cb.api.get(linkIn(first!.html as string, 'r')!);
      assert.equal(restore.status, 302);
      assert.equal(restore.headers.get('location'), RECOVER.replace(TOKEN, s.token), "Shopify's own recovery page");

      await ok(storeId, 'orders/create', fixture('order-create.json', s.swap({ [AT.order]: ago(0) })));
      await sleep(5000); // both later steps would have been due
      assert.equal(cb.to(s.email).length, 1, 'nothing after the order');
      const t = await contactOf(storeId, s.email);
      assert.equal(t.timeline.find((e: Row) => e.kind === 'run')?.data.exit_reason, 'purchased');
      assert.ok(['purchased', 'recovered'].includes((await cartOf(storeId, s.token))?.status));
    });
  });
}

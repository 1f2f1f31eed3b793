/**
 * What ingested events do, seen through the admin read API on every database: identity stitching,
 * out-of-order events, unknown event names, removals, carts without a reachable shopper, and an
 * order that names its shopper by email only. The request-level contract is in ingest.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { abandonCart, LENS, storeWithFlow, TRIPOD } from '../harness/shop.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Timeline { contact: Row; carts: Row[]; timeline: Array<{ kind: string; summary: string; at: string; data: Row }> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MUG = { product_id: 'p-mug', sku: 'MUG-1', name: 'Enamel Mug', price: 12.5, quantity: 1 };

for (const dialect of DIALECTS) {
  describe(`ingested events, carts and contacts on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    const to = (email: string) => cb.smtp.messages.filter((m) => (m.to as { text: string }).text === email);
    /** A store with no flow and a long quiet time: nothing but ingest touches its carts. */
    const quietStore = async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Quiet ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'PT1H' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return { storeId: r.body.id as string, writeKey: r.body.writeKey as string };
    };
    const shopperIn = (writeKey: string, anonymousId = `anon-${randomUUID()}`) => ({
      anonymousId,
      async send(path: '/track' | '/identify', body: object) {
        const r = await cb.api.ingest(path, { messageId: randomUUID(), anonymousId, ...body }, writeKey);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.accepted, 1, JSON.stringify(r.body));
      },
    });
    const carts = async (storeId: string) => (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/carts?limit=500`)).body;
    const cartBy = async (storeId: string, pick: (c: Row) => boolean) => (await carts(storeId)).find(pick);
    const contactOf = async (storeId: string, email: string) => {
      const r = await cb.api.admin<Row[]>('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.length, 1, `exactly one contact for ${email}: ${JSON.stringify(r.body)}`);
      return r.body[0]!;
    };
    const timelineOf = async (storeId: string, email: string) => (await cb.api.admin<Timeline>('GET', `/stores/${storeId}/contacts/${(await contactOf(storeId, email)).id}`)).body;


    describe('identity stitching', () => {
      for (const order of ['Product Added, then identify', 'identify, then Product Added'] as const) {
        test(`an anonymous cart belongs to the contact the email names (${order})`, async () => {
          const { storeId, writeKey } = await quietStore();
          const s = shopperIn(writeKey);
          const email = `${s.anonymousId}@shopper.test`;
          const cartId = `cart-${randomUUID()}`;
          const add = () => s.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...MUG } });
          const identify = () => s.send('/identify', { traits: { email } });
          if (order === 'Product Added, then identify') {
            await add();
            assert.equal((await cartBy(storeId, (c) => c.external_id === cartId))?.contact_id, null, 'a bare anonymous id makes no contact');
            await identify();
          } else {
            await identify();
            await add();
          }
          const contact = await contactOf(storeId, email);
          const cart = await cartBy(storeId, (c) => c.external_id === cartId);
          assert.equal(cart?.contact_id, contact.id);
          assert.equal((await timelineOf(storeId, email)).carts.length, 1);
        });
      }

      test('a cart without cart_id (the visitor cart) is stitched too', async () => {
        const { storeId, writeKey } = await quietStore();
        const s = shopperIn(writeKey);
        const email = `${s.anonymousId}@shopper.test`;
        await s.send('/track', { event: 'Product Added', properties: MUG });
        await s.send('/identify', { traits: { email: email.toUpperCase() } });
        const contact = await contactOf(storeId, email);
        assert.equal(contact.email, email, 'emails are kept lower-case');
        assert.equal((await cartBy(storeId, (c) => c.anonymous_id === s.anonymousId))?.contact_id, contact.id);
      });

      test('a known shopper on a second device: the new cart joins the same contact', async () => {
        const { storeId, writeKey } = await quietStore();
        const laptop = shopperIn(writeKey);
        const phone = shopperIn(writeKey);
        const email = `${laptop.anonymousId}@shopper.test`;
        await laptop.send('/identify', { traits: { email, first_name: 'Mei' } });
        const cartId = `cart-${randomUUID()}`;
        await phone.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...MUG } });
        await phone.send('/identify', { traits: { email } });
        const contact = await contactOf(storeId, email);
        assert.equal(contact.first_name, 'Mei');
        assert.equal((await cartBy(storeId, (c) => c.external_id === cartId))?.contact_id, contact.id);
      });

      test("a visitor's events from before the identify show in the contact's timeline", async () => {
        const { storeId, writeKey } = await quietStore();
        const s = shopperIn(writeKey);
        const email = `${s.anonymousId}@shopper.test`;
        await s.send('/track', { event: 'Product Viewed', properties: { sku: 'MUG-1' } });
        await s.send('/track', { event: 'Product Added', properties: { cart_id: `cart-${randomUUID()}`, ...MUG } });
        await s.send('/identify', { traits: { email } });
        const events = (await timelineOf(storeId, email)).timeline.filter((e) => e.kind === 'event').map((e) => e.summary);
        assert.deepEqual(events.sort(), ['Product Added', 'Product Viewed', 'identify']);
      });
    });

    describe('out-of-order events', () => {
      test('a Product Added stamped before a Checkout Started snapshot, arriving after it, changes nothing', async () => {
        const { storeId, writeKey } = await quietStore();
        const s = shopperIn(writeKey);
        const cartId = `cart-${randomUUID()}`;
        await s.send('/track', { event: 'Product Added', timestamp: ago(180_000), properties: { cart_id: cartId, ...LENS } });
        await s.send('/track', { event: 'Checkout Started', timestamp: ago(60_000), properties: { cart_id: cartId, products: [LENS, TRIPOD] } });
        // the late ones: already part of the snapshot
        await s.send('/track', { event: 'Product Added', timestamp: ago(120_000), properties: { cart_id: cartId, ...MUG } });
        await s.send('/track', { event: 'Product Added', timestamp: ago(120_000), properties: { cart_id: cartId, ...LENS } });
        await s.send('/track', { event: 'Product Removed', timestamp: ago(90_000), properties: { cart_id: cartId, sku: TRIPOD.sku } });
        const cart = await cartBy(storeId, (c) => c.external_id === cartId);
        assert.deepEqual(cart?.items.map((i: Row) => [i.sku, i.quantity]), [['LENS-35', 1], ['TRIPOD-C', 2]]);
        assert.equal(cart?.value, 34900 + 2 * 21950);
        assert.equal(cart?.item_count, 3);
        // an older snapshot arriving late does not replace the newer one either
        await s.send('/track', { event: 'Cart Viewed', timestamp: ago(100_000), properties: { cart_id: cartId, products: [MUG] } });
        assert.equal((await cartBy(storeId, (c) => c.external_id === cartId))?.value, 34900 + 2 * 21950);
        // and a change after the snapshot still applies
        await s.send('/track', { event: 'Product Added', timestamp: ago(30_000), properties: { cart_id: cartId, ...MUG } });
        assert.equal((await cartBy(storeId, (c) => c.external_id === cartId))?.value, 34900 + 2 * 21950 + 1250);
      });

      test('an identify stamped earlier, arriving later, does not overwrite a newer first_name', async () => {
        const { storeId, writeKey } = await quietStore();
        const s = shopperIn(writeKey);
        const email = `${s.anonymousId}@shopper.test`;
        await s.send('/identify', { timestamp: ago(60_000), traits: { email, first_name: 'Meiling' } });
        await s.send('/identify', { timestamp: ago(120_000), traits: { email, first_name: 'Mei', last_name: 'Chen' } });
        const contact = await contactOf(storeId, email);
        assert.equal(contact.first_name, 'Meiling');
        await s.send('/identify', { timestamp: ago(1_000), traits: { email, first_name: 'May' } });
        assert.equal((await contactOf(storeId, email)).first_name, 'May', 'a newer one does');
      });
    });

    test('unknown event names are accepted and kept in the contact timeline', async () => {
      const { storeId, writeKey } = await quietStore();
      const s = shopperIn(writeKey);
      const email = `${s.anonymousId}@shopper.test`;
      await s.send('/identify', { traits: { email } });
      const r = await cb.api.ingest('/batch', { batch: [
        { type: 'track', messageId: randomUUID(), anonymousId: s.anonymousId, event: 'Wishlist Shared', properties: { list: 'birthday', anything: { nested: [1, 2] } } },
        { type: 'track', messageId: randomUUID(), anonymousId: s.anonymousId, event: 'Coupon Entered', properties: { coupon_id: 'X' } },
      ] }, writeKey);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, { success: true, accepted: 2, duplicates: 0, applied: true });
      const summaries = (await timelineOf(storeId, email)).timeline.filter((e) => e.kind === 'event').map((e) => e.summary);
      assert.ok(summaries.includes('Wishlist Shared'), JSON.stringify(summaries));
      assert.ok(summaries.includes('Coupon Entered'), JSON.stringify(summaries));
      assert.equal((await carts(storeId)).length, 0, 'no cart from events that are not about a cart');
    });

    test('Product Removed without quantity removes the line; an emptied cart is never abandoned', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api);
      const s = shopperIn(writeKey);
      const email = `${s.anonymousId}@shopper.test`;
      const cartId = `cart-${randomUUID()}`;
      const control = abandonCart(cb.api, writeKey); // proves the flow is live and would have written by now
      await s.send('/identify', { traits: { email } });
      await s.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...LENS } });
      await s.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...TRIPOD } });
      await s.send('/track', { event: 'Product Removed', properties: { cart_id: cartId, sku: TRIPOD.sku } });
      let cart = await cartBy(storeId, (c) => c.external_id === cartId);
      assert.deepEqual(cart?.items.map((i: Row) => i.sku), ['LENS-35'], 'the whole line of 2 went');
      await s.send('/track', { event: 'Product Removed', properties: { cart_id: cartId, product_id: LENS.product_id, sku: LENS.sku } });
      cart = await cartBy(storeId, (c) => c.external_id === cartId);
      assert.equal(cart?.item_count, 0);
      assert.equal(cart?.value, 0);
      const other = await control;
      await sleep(3000);
      assert.equal(to(other.email).length, 1, 'the control shopper got the first email');
      assert.equal(to(email).length, 0, 'nothing about an empty cart');
      cart = await cartBy(storeId, (c) => c.external_id === cartId);
      assert.equal(cart?.status, 'active');
      assert.equal(cart?.abandon_due_at, null);
      assert.equal(cart?.abandoned_at, null);
    });

    describe('a shopper who cannot be reached yet', () => {
      test('the cart is abandoned but not enrolled; no email', async () => {
        const { storeId, writeKey } = await storeWithFlow(cb.api);
        const s = shopperIn(writeKey);
        const cartId = `cart-${randomUUID()}`;
        await s.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...LENS } });
        const cart = await eventually('the cart goes quiet', async () => {
          const c = await cartBy(storeId, (x) => x.external_id === cartId);
          return c?.status === 'abandoned' && c;
        }, 8000);
        assert.equal(cart.enrolled_at, null, 'not reachable: not enrolled');
        assert.notEqual(cart.abandoned_at, null);
        assert.equal(cart.abandon_due_at, null);
        const stats = (await cb.api.admin('GET', `/stores/${storeId}/stats`)).body;
        assert.equal(stats.abandonedCarts, 1);
      });

      test('when the email arrives later, the cart is watched again and the shopper gets the first email', async () => {
        const { storeId, writeKey } = await storeWithFlow(cb.api);
        const s = shopperIn(writeKey);
        const email = `${s.anonymousId}@shopper.test`;
        const cartId = `cart-${randomUUID()}`;
        await s.send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...LENS } });
        await eventually('the cart goes quiet', async () => (await cartBy(storeId, (x) => x.external_id === cartId))?.status === 'abandoned', 8000);
        await s.send('/identify', { traits: { email, first_name: 'Mei' } });
        const [first] = await eventually('the first email', async () => to(email).length >= 1 && to(email), 6000);
        assert.match(first!.html as string, /35mm f\/1\.8 Prime Lens/);
        const cart = await cartBy(storeId, (x) => x.external_id === cartId);
        assert.notEqual(cart?.enrolled_at, null);
      });
    });

    test("an Order Completed naming only the shopper's email (other device, no cart_id) stops their run", async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api);
      const shopper = await abandonCart(cb.api, writeKey);
      await eventually('first email', async () => to(shopper.email).length >= 1, 8000);
      const order = await cb.api.ingest('/track', {
        messageId: randomUUID(), anonymousId: `anon-${randomUUID()}`, event: 'Order Completed',
        properties: { order_id: `o-${randomUUID()}`, total: '788.00', currency: 'USD', email: shopper.email.toUpperCase() },
      }, writeKey);
      assert.equal(order.status, 200, JSON.stringify(order.body));
      const t = await timelineOf(storeId, shopper.email);
      const run = t.timeline.find((e) => e.kind === 'run');
      assert.equal(run?.data.flow_id, flowId);
      assert.equal(run?.data.exit_reason, 'purchased');
      const orders = t.timeline.filter((e) => e.kind === 'order');
      assert.equal(orders.length, 1);
      assert.equal(orders[0]!.data.total, 78800);
      const cart = await cartBy(storeId, (c) => c.external_id === shopper.cartId);
      assert.ok(['purchased', 'recovered'].includes(cart?.status), cart?.status);
      await sleep(3000); // past the second step's due time
      assert.equal(to(shopper.email).length, 1, 'nothing after the purchase');
    });
  });
}

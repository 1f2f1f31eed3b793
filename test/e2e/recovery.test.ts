/**
 * The whole recovery loop through the public HTTP API only, on every database: events → abandonment
 * → first email over real SMTP → click → second email with a unique discount → order → nothing more,
 * and the order credited to the right step in the stats.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';

const linkIn = (html: string, kind: 'r' | 'u' | 'c') => html.match(new RegExp(`href="([^"]*/${kind}/[^"]+)"`))?.[1]?.replaceAll('&amp;', '&');

for (const dialect of DIALECTS) {
  describe(`recovery loop on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    test('abandon, remind, click, discount, buy: then silence, and the order is credited to step 2', async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api);
      const shopper = await abandonCart(cb.api, writeKey);
      const mine = () => cb.smtp.messages.filter((m) => (m.to as { text: string }).text === shopper.email);

      const [first] = await eventually('first email', async () => mine().length >= 1 && mine());
      assert.match(first!.html as string, /35mm f\/1\.8 Prime Lens/);
      assert.match(first!.html as string, /Carbon Travel Tripod/);
      assert.match(first!.html as string, /\$788\.00/); // 349 + 2 × 219.50
      assert.match(first!.text ?? '', /Carbon Travel Tripod/);
      assert.match(first!.html as string, /1 Lens Road, Shenzhen/);
      const header = (name: string) => first!.headerLines.find((h) => h.key === name)?.line ?? '';
      assert.match(header('list-unsubscribe'), new RegExp(`<${cb.env.base}/u/[^>]+>`));
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      // The restore link puts the exact cart back in the storefront.
      const restore = linkIn(first!.html as string, 'r')!;
      const redirect = await cb.api.get(restore);
      assert.equal(redirect.status, 302);
      const landing = redirect.headers.get('location')!;
      assert.match(landing, /items=LENS-35%3A1%2CTRIPOD-C%3A2/);
      const page = await (await cb.api.get(landing)).text();
      assert.match(page, /35mm f\/1\.8 Prime Lens/);
      assert.match(page, /<td class="qty">2<\/td>/);

      const second = await eventually('second email', async () => mine().length >= 2 && mine()[1]);
      const code = (second.html as string).match(/CB-[A-Z2-9]{8}/)?.[0];
      assert.ok(code, 'the second email carries a unique discount code');
      const restore2 = linkIn(second.html as string, 'r')!;
      assert.match((await cb.api.get(restore2)).headers.get('location')!, new RegExp(`discount=${code}`));

      const issued = await cb.api.admin('GET', `/stores/${storeId}/discounts/${code}`);
      assert.deepEqual([issued.body.kind, issued.body.value, issued.body.valid], ['percent', 5, true]);
      assert.ok(Date.parse(issued.body.expiresAt) > Date.now() + 2 * 86_400_000, 'valid for the step\'s 3 days');

      const orderId = `o-${randomUUID()}`;
      const order = await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: shopper.anonymousId, event: 'Order Completed', properties: { order_id: orderId, cart_id: shopper.cartId, total: 788, currency: 'USD', coupon: code } }, writeKey);
      assert.equal(order.status, 200);
      const used = await cb.api.admin('GET', `/stores/${storeId}/discounts/${code}`);
      assert.deepEqual([used.body.valid, used.body.redeemedOrderId], [false, orderId], 'the code is used up by the order');

      await new Promise((r) => setTimeout(r, 3500)); // past the third step's due time
      assert.equal(mine().length, 2, 'no email after the purchase');

      const stats = await cb.api.admin('GET', `/stores/${storeId}/stats`);
      const flow = stats.body.flows.find((f: { flowId: string }) => f.flowId === flowId);
      const step = (id: string) => flow.steps.find((s: { nodeId: string }) => s.nodeId === id);
      assert.equal(flow.recoveredOrders, 1);
      assert.equal(flow.recoveredRevenue, 78800);
      assert.equal(step('email-2').recoveredOrders, 1, 'last click wins: the second email');
      assert.equal(step('email-1').recoveredOrders, 0);
      assert.equal(step('email-1').clicked, 1);
      assert.equal(step('email-3'), undefined, 'the third step never ran');
      assert.equal(stats.body.abandonedCarts, 1);
    });

    for (const variant of ['on time', 'late-stamped and delivered twice'] as const) {
      test(`an order before step 2 is due stops the sequence (${variant})`, async () => {
        const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, undefined);
        const shopper = await abandonCart(cb.api, writeKey);
        const mine = () => cb.smtp.messages.filter((m) => (m.to as { text: string }).text === shopper.email);
        await eventually('first email', async () => mine().length >= 1);
        const messageId = randomUUID();
        const orderEvent = {
          messageId, anonymousId: shopper.anonymousId, event: 'Order Completed',
          // late-stamped: the order happened before the shopper's first email, and its event arrives only now
          ...(variant === 'on time' ? {} : { timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }),
          properties: { order_id: `o-${messageId}`, total: 788, currency: 'USD' },
        };
        assert.equal((await cb.api.ingest('/track', orderEvent, writeKey)).status, 200);
        if (variant !== 'on time') {
          const again = await cb.api.ingest('/track', orderEvent, writeKey);
          assert.equal(again.status, 200);
          assert.equal(again.body.duplicates, 1);
        }
        await new Promise((r) => setTimeout(r, 5000)); // both later steps would have been due
        assert.equal(mine().length, 1, 'nothing after the purchase');
        const contacts = await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(shopper.email)}`);
        const timeline = await cb.api.admin('GET', `/stores/${storeId}/contacts/${contacts.body[0].id}`);
        const orders = timeline.body.timeline.filter((e: { kind: string }) => e.kind === 'order');
        assert.equal(orders.length, 1, 'one purchase, recorded once');
        const run = timeline.body.timeline.find((e: { kind: string }) => e.kind === 'run');
        assert.equal(run.data.exit_reason, 'purchased');
        assert.equal(run.data.flow_id, flowId);
      });
    }
  });
}

/**
 * The dashboard's figures for a small real history, through the admin API on both databases: the
 * funnel of abandoned carts, the daily series, ROI from the cost per message, the lift groups, and
 * the revenue estimate from the store's own figures.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const clickLink = (html: string) => html.match(/href="([^"]*\/r\/[^"]+)"/)![1]!.replaceAll('&amp;', '&');

for (const dialect of DIALECTS) {
  describe(`dashboard on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    test('four abandoned carts, three reachable and mailed, one clicked and bought: the funnel, series, ROI and estimate say so', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Dash', { wait1: 'PT1H' }), { costPerMessage: 0.05, timezone: 'Asia/Shanghai' });
      const shoppers = [await abandonCart(cb.api, writeKey), await abandonCart(cb.api, writeKey), await abandonCart(cb.api, writeKey)];
      // one cart whose shopper never leaves an email: abandoned, not reachable
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: `anon-${randomUUID()}`, event: 'Product Added', properties: { cart_id: `c-${randomUUID()}`, sku: 'X', name: 'X', price: 10, quantity: 1 } }, writeKey);
      for (const s of shoppers) await eventually(`first email to ${s.email}`, async () => cb.to(s.email)[0]);
      const buyer = shoppers[0]!;
      assert.equal((await cb.api.get(clickLink(cb.to(buyer.email)[0]!.html as string))).status, 302);
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: buyer.anonymousId, event: 'Order Completed', properties: { order_id: `o-${randomUUID()}`, cart_id: buyer.cartId, total: 788, currency: 'USD' } }, writeKey);

      const d = await eventually('the fourth cart counted as abandoned', async () => {
        const body = (await cb.api.admin('GET', `/stores/${storeId}/dashboard`)).body;
        return body.funnel.abandoned === 4 && body;
      });
      assert.deepEqual(d.funnel, { abandoned: 4, reachable: 3, contacted: 3, opened: 1, clicked: 1, recovered: 1, abandonedValue: 3 * 78800 + 1000 });
      assert.equal(d.kpis.messagesSent, 3);
      assert.equal(d.kpis.recoveredOrders, 1);
      assert.equal(d.kpis.recoveredRevenue, 78800);
      assert.equal(d.kpis.reachableShare, 0.75);
      assert.equal(d.kpis.cost, 15, '3 messages × 5 cents');
      assert.equal(d.kpis.roi, (78800 - 15) / 15);
      assert.ok(Math.abs(d.kpis.revenuePerMessage - 78800 / 3) < 1e-9);
      assert.equal(d.timezone, 'Asia/Shanghai');
      assert.equal(d.series.length, 31, 'a day per day of the last 30 days, today included');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      assert.deepEqual(d.series.at(-1), { date: today, abandoned: 4, sent: 3, recoveredOrders: 1, recoveredRevenue: 78800 });
      assert.equal(d.estimator.recoveryRate, 0.25);
      assert.equal(d.estimator.averageCartValue, Math.round((3 * 78800 + 1000) / 4));
      assert.equal(d.estimator.monthlyRecovered, Math.round(d.estimator.monthlyAbandoned * 0.25 * d.estimator.averageCartValue));
      assert.equal(d.lift, null, 'no holdout group in this flow: no lift to show');
      assert.equal(d.flows[0].steps.find((st: { nodeId: string }) => st.nodeId === 'email-1').recoveredOrders, 1);
    });

    test('a bad period is a 400 with a stable code', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const r = await cb.api.admin('GET', `/stores/${storeId}/dashboard?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'invalid_query');
    });
  });
}

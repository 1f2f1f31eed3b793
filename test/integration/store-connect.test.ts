/**
 * GET /api/stores/:id/connect, on both databases: the addresses the settings page shows come from
 * CARTBACK_PUBLIC_URL (not from whatever address the admin app was opened at), and each one is a
 * real, working endpoint for that store.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

for (const dialect of DIALECTS) {
  describe(`store connect addresses on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('the snippet, webhook and track addresses are the public ones, and they answer', async () => {
      const created = await cb.api.admin('POST', '/stores', { name: 'Connect Co.', templates: false });
      const { id, writeKey } = created.body as { id: string; writeKey: string };
      const r = await cb.api.admin('GET', `/stores/${id}/connect`);
      assert.equal(r.status, 200);
      const base = cb.env.base; // the suite's CARTBACK_PUBLIC_URL
      assert.deepEqual(r.body, {
        publicUrl: base,
        snippetUrl: `${base}/snippet.js`,
        trackUrl: `${base}/v1/track`,
        shopifyWebhookUrl: `${base}/v1/webhooks/shopify/${id}`,
        woocommerceWebhookUrl: `${base}/v1/webhooks/woocommerce/${id}`,
        bounceWebhookUrl: `${base}/v1/webhooks/bounces/${id}`,
      });

      const snippet = await cb.api.get(r.body.snippetUrl);
      assert.equal(snippet.status, 200);
      assert.match(snippet.headers.get('content-type') ?? '', /javascript/);
      const tracked = await fetch(r.body.trackUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messageId: randomUUID(), anonymousId: 'a-1', event: 'Product Viewed', properties: { sku: 'X' } }),
      });
      assert.equal(tracked.status, 200);
      // No secret set yet: the store's webhook address exists and refuses an unsigned delivery.
      const shopify = await fetch(r.body.shopifyWebhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' }, body: '{}' });
      assert.equal(shopify.status, 401);
      const wooPing = await fetch(r.body.woocommerceWebhookUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'webhook_id=7' });
      assert.equal(wooPing.status, 200);
    });

    test('an unknown store is 404, and the addresses need admin access', async () => {
      assert.equal((await cb.api.admin('GET', '/stores/no-such-store/connect')).body.error.code, 'store_not_found');
      assert.equal((await cb.api.get('/api/stores/no-such-store/connect')).status, 401);
    });
  });
}

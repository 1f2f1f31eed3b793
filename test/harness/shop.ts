/** Sets up a store with a test flow through the admin API, and plays a shopper through ingest. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { threeStepFlow } from '../fixtures/flows.ts';
import { client } from './api.ts';

export type Api = ReturnType<typeof client>;

/**
 * Test shoppers say nothing about where they are, which a new store's default policy (opt_in_eu)
 * takes for the EU: stores made here email them unless a test asks for another policy.
 */
const OPT_OUT = { emailConsent: 'opt_out' };

export async function storeWithFlow(api: Api, flow: object = threeStepFlow(), settings: object = {}) {
  const created = await api.admin<{ id: string; writeKey: string }>('POST', '/stores', { name: `Shop ${randomUUID().slice(0, 8)}`, templates: false, settings: { abandonAfter: 'PT1S', postalAddress: '1 Lens Road, Shenzhen', supportEmail: 'help@shop.test', ...OPT_OUT, ...settings } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const imported = await api.admin<{ id: string }>('POST', `/stores/${created.body.id}/flows?publish=true`, flow);
  assert.equal(imported.status, 201, JSON.stringify(imported.body));
  return { storeId: created.body.id, writeKey: created.body.writeKey, flowId: imported.body.id };
}

export const LENS = { product_id: 'p-35', sku: 'LENS-35', name: '35mm f/1.8 Prime Lens', price: 349, quantity: 1, image_url: 'https://img.shop.test/lens.png' };
export const TRIPOD = { product_id: 'p-tr', sku: 'TRIPOD-C', name: 'Carbon Travel Tripod', price: 219.5, quantity: 2 };

/** An identified shopper who fills a cart (cart_id given) and walks away. */
export async function abandonCart(api: Api, writeKey: string, opts: { email?: string; locale?: string; timezone?: string } = {}) {
  const anonymousId = `anon-${randomUUID()}`;
  const cartId = `cart-${randomUUID()}`;
  const email = opts.email ?? `${anonymousId}@shopper.test`;
  const send = async (path: string, body: object) => {
    const r = await api.ingest(path, { messageId: randomUUID(), anonymousId, ...body }, writeKey);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  await send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...LENS } });
  await send('/identify', { traits: { email, first_name: 'Mei', ...(opts.locale ? { locale: opts.locale } : {}), ...(opts.timezone ? { timezone: opts.timezone } : {}) } });
  await send('/track', { event: 'Product Added', properties: { cart_id: cartId, ...TRIPOD } });
  return { anonymousId, cartId, email };
}

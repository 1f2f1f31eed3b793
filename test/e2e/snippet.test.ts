/**
 * The browser snippet in a real Chromium, on a storefront served from its own origin: calls made
 * before it loads are replayed, a broken network never breaks the page (and what was queued is
 * sent once the network is back), and an origin the store does not own is refused.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser, storefront } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

function page(base: string, publicKey: string, calls: string): string {
  return `<!doctype html><html><body>
<button id="inc" onclick="this.textContent = String(Number(this.textContent) + 1)">0</button>
<button id="add" onclick="cartback('track', 'Product Added', { cart_id: window.cartId, sku: 'TRIPOD-C', name: 'Carbon Travel Tripod', price: 219, quantity: 1 })">add</button>
<script>window.cartback=window.cartback||function(){(cartback.q=cartback.q||[]).push(arguments)};${calls}</script>
<script async src="${base}/snippet.js" data-key="${publicKey}"></script>
</body></html>`;
}

describe('browser snippet', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let storeId: string;
  let publicKey: string;
  let shop: Awaited<ReturnType<typeof storefront>>;
  let calls = '';
  before(async () => {
    browser = await launchBrowser();
    shop = await storefront(() => page(cb.env.base, publicKey, calls));
    const created = await cb.api.admin('POST', '/stores', { name: 'Snippet shop', templates: false, settings: { allowedOrigins: [shop.origin] } });
    ({ id: storeId, publicKey } = created.body);
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
  });
  const cartOf = async (cartId: string) => ((await cb.api.admin('GET', `/stores/${storeId}/carts?limit=200`)).body as Array<{ external_id: string; item_count: number; contact_id: string | null }>).find((c) => c.external_id === cartId);

  test('calls made before the script loads are replayed, from the storefront origin', async () => {
    const cartId = `c-${randomUUID()}`;
    const email = `early-${randomUUID()}@shopper.test`;
    calls = `window.cartId='${cartId}';cartback('track','Product Added',{cart_id:'${cartId}',sku:'LENS-35',name:'Lens',price:349,quantity:2});cartback('identify',{email:'${email}'});`;
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${shop.origin}/product`);
    const cart = await eventually('the queued Product Added to be stored', async () => cartOf(cartId));
    assert.equal(cart.item_count, 2);
    const contact = await eventually('the queued identify', async () => (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0]);
    assert.equal((await eventually('the cart to be the contact\'s', async () => (await cartOf(cartId))?.contact_id)), contact.id);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  test('a broken network never breaks the page; what was queued goes out when it is back', async () => {
    const cartId = `c-${randomUUID()}`;
    calls = `window.cartId='${cartId}';`;
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.route('**/v1/p/**', (route) => route.abort('internetdisconnected'));
    await tab.goto(`${shop.origin}/product`);
    await tab.waitForFunction(() => (globalThis as unknown as { cartback: { loaded?: boolean } }).cartback.loaded === true);
    await tab.click('#add');
    await tab.click('#inc');
    await tab.click('#inc');
    assert.equal(await tab.textContent('#inc'), '2', 'the page keeps working');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await cartOf(cartId), undefined, 'nothing got through');
    await tab.unroute('**/v1/p/**');
    await tab.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event("online")));
    const cart = await eventually('the queued event after the network came back', async () => cartOf(cartId));
    assert.equal(cart.item_count, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a shopper who comes back sees an accessible reminder, and their next email waits', async () => {
    const flow = threeStepFlow('Reminder', { wait1: 'PT3S', wait2: 'PT1H' });
    const shopStore = await storeWithFlow(cb.api, flow, { allowedOrigins: [shop.origin], onsiteReminder: true, holdBackOnReturn: 'PT1H' });
    const previousKey = publicKey;
    publicKey = (await cb.api.admin('GET', `/stores/${shopStore.storeId}`)).body.publicKey;
    const cartId = `c-${randomUUID()}`;
    const email = `back-${randomUUID().slice(0, 8)}@shopper.test`;
    calls = `cartback('track','Product Added',{cart_id:'${cartId}',sku:'LENS-35',name:'Lens',price:349,quantity:1});cartback('identify',{email:'${email}'});`;
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${shop.origin}/product`);
    const timeline = async () => {
      const c = (await cb.api.admin('GET', `/stores/${shopStore.storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0];
      return c ? ((await cb.api.admin('GET', `/stores/${shopStore.storeId}/contacts/${c.id}`)).body.timeline as Array<{ kind: string; data: Record<string, unknown> }>) : [];
    };
    await eventually('the first email', async () => (await timeline()).some((e) => e.kind === 'message_sent'));
    await first.close();

    calls = '';
    const back = await context.newPage(); // a new tab: a new browsing session, the same shopper
    await back.goto(`${shop.origin}/`);
    const banner = back.locator('#cartback-reminder');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.match((await banner.textContent()) ?? '', /1 item/);
    await back.keyboard.press('Escape');
    await banner.waitFor({ state: 'detached' });
    const run = (await timeline()).find((e) => e.kind === 'run')!;
    assert.ok(Number(run.data.due_at) > Date.now() + 50 * 60_000, 'the second email waits an hour since the shopper is back');
    await new Promise((r) => setTimeout(r, 3500));
    assert.equal((await timeline()).filter((e) => e.kind === 'message_sent').length, 1, 'nothing sent while they are back');
    await context.close();
    publicKey = previousKey;
  });

  test('Product Viewed is sent with its dwell time when the shopper leaves the page', async () => {
    const email = `viewer-${randomUUID().slice(0, 8)}@shopper.test`;
    calls = `cartback('identify',{email:'${email}'});cartback('track','Product Viewed',{sku:'BAG-SLING',name:'Sling Bag'});`;
    const tab = await browser.newPage();
    await tab.goto(`${shop.origin}/product/bag`);
    await tab.waitForFunction(() => (globalThis as unknown as { cartback: { loaded?: boolean } }).cartback.loaded === true);
    await new Promise((r) => setTimeout(r, 1200)); // the shopper looks for a while
    await tab.goto('about:blank'); // and leaves: pagehide sends the held event
    const contact = await eventually('the viewer', async () => (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0]);
    const viewed = await eventually('the Product Viewed event', async () => ((await cb.api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Array<{ kind: string; summary: string; data: { properties: { sku: string; dwell_ms: number } } }>).find((e) => e.summary === 'Product Viewed'));
    assert.equal(viewed.data.properties.sku, 'BAG-SLING');
    assert.ok(viewed.data.properties.dwell_ms >= 1000, `dwell ${viewed.data.properties.dwell_ms} ms`);
    await tab.close();
  });

  test("an origin that is not the store's is refused, and orders cannot come from a browser", async () => {
    const refused = await fetch(`${cb.env.base}/v1/p/track?key=${publicKey}`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: JSON.stringify({ anonymousId: 'a', event: 'Product Added', properties: { cart_id: 'x', sku: 'A', price: 1 } }) });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const order = await fetch(`${cb.env.base}/v1/p/track?key=${publicKey}`, { method: 'POST', headers: { origin: shop.origin, 'content-type': 'text/plain' }, body: JSON.stringify({ anonymousId: 'a', event: 'Order Completed', properties: { order_id: 'o1', total: 1 } }) });
    assert.equal(order.status, 403);
    assert.equal(((await order.json()) as { error: { code: string } }).error.code, 'forbidden');
  });
});

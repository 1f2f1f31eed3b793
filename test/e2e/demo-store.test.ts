/**
 * The whole loop a newcomer watches, in a real Chromium on the demo store with the real snippet:
 * add to cart, type an email, leave; the email arrives; its restore link opens the demo store with
 * the same cart; ordering stops the sequence, and the order is credited to the email.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

describe('demo store, whole loop', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite, { smtp: true, env: { CARTBACK_DEMO: 'true' } });
  let browser: Browser;
  let storeId: string;
  before(async () => {
    browser = await launchBrowser();
    storeId = (await cb.api.admin('GET', '/stores')).body.find((s: { name: string }) => s.name === 'Demo Camera Shop').id;
    // Make the demo fast and deterministic: 1 s of quiet abandons the cart; no holdout.
    await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { abandonAfter: 'PT1S' } });
    const [helpful] = (await cb.api.admin('GET', `/stores/${storeId}/flows`)).body;
    const def = (await cb.api.admin('GET', `/stores/${storeId}/flows/${helpful.id}`)).body.definition;
    def.nodes.find((n: { id: string }) => n.id === 'holdout').percent = 0;
    assert.equal((await cb.api.admin('PUT', `/stores/${storeId}/flows/${helpful.id}?publish=true`, def)).status, 200);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  test('add, type an email, leave; the email restores the cart; the order stops the sequence', async () => {
    const email = `demo-${randomUUID().slice(0, 8)}@shopper.test`;
    const context = await browser.newContext();
    const shop = await context.newPage();
    await shop.goto(`${cb.env.base}/demo/`);
    await shop.click('button[data-add="LENS-35"]');
    await shop.click('button[data-add="TRIPOD-C"]');
    await shop.click('button[data-add="TRIPOD-C"]');
    await shop.fill('#checkout_email', email);
    await shop.press('#checkout_email', 'Tab'); // blur: the snippet captures the email
    await shop.screenshot({ path: 'test-results/demo-store-cart.png', fullPage: true });
    await eventually('the email to be captured', async () => (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0]);
    await shop.close(); // the shopper walks away

    const mail = await eventually('the recovery email', async () => cb.to(email)[0]);
    assert.match(mail.html as string, /Carbon Travel Tripod/);
    const restore = (mail.html as string).match(/href="([^"]*\/r\/[^"]+)"/)![1]!.replaceAll('&amp;', '&');

    const back = await context.newPage();
    await back.goto(restore);
    await back.waitForSelector('#cart-items li[data-sku="TRIPOD-C"]');
    assert.equal(await back.textContent('#cart-items li[data-sku="TRIPOD-C"] .qty'), '2');
    assert.equal(await back.textContent('#cart-items li[data-sku="LENS-35"] .qty'), '1');
    assert.match((await back.textContent('#notice')) ?? '', /Welcome back/);
    await back.screenshot({ path: 'test-results/demo-store-restored.png', fullPage: true });
    await back.click('#place-order');
    await back.waitForFunction(() => /Thank you/.test((globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('notice').textContent));

    const contact = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0];
    const timeline = (await cb.api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Array<{ kind: string; data: Record<string, unknown> }>;
    assert.equal(timeline.find((e) => e.kind === 'run')!.data.exit_reason, 'purchased', 'the sequence is stopped');
    const order = timeline.find((e) => e.kind === 'order')!;
    assert.equal(order.data.recovered, 1, 'credited to the email whose restore link was followed');
    await context.close();
  });
});

/**
 * The settings area in a real Chromium, as a store owner uses it: store details, the abandonment
 * timeout, quiet hours and a frequency cap saved and read back through the API; a value the server
 * refuses marked at its field; the unsaved-changes guard; the snippet tag copied with the store's
 * public key and the live "events received" check turning green; a Shopify secret that is masked
 * after a reload, never returned, and signs webhooks; a rotated write key that shuts out the old
 * one; and a new store added from the store picker.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { startDns } from '../harness/dns.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'lin@tea.test';
const PASSWORD = 'correct horse battery';
const SHOPIFY_SECRET = 'shpss_lanterntea_9f3a';

describe('admin settings', { skip: browserSkip }, () => {
  // The DNS the "Check DNS" button asks: SPF fine, DMARC only monitoring, no DKIM key anywhere.
  // Started first (hooks run in order), so the suite's environment can name it when it starts Cartback.
  let dns: Awaited<ReturnType<typeof startDns>>;
  before(async () => {
    dns = await startDns({ 'tea.example.com': { txt: ['v=spf1 mx -all'] }, '_dmarc.tea.example.com': { txt: ['v=DMARC1; p=none'] } });
  });
  after(async () => dns?.close());
  const cb = cartbackSuite(sqlite, { env: { get CARTBACK_DNS_SERVER() { return dns.address; } } });
  let browser: Browser;
  let store: { id: string; writeKey: string; publicKey: string };
  before(async () => {
    browser = await launchBrowser();
    const created = await cb.api.admin('POST', '/stores', { name: 'Lantern Tea Co.', templates: false });
    assert.equal(created.status, 201);
    store = created.body;
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Lin Wei', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const settingsOf = async (id = store.id) => (await cb.api.admin('GET', `/stores/${id}`)).body;
  const saveAndWait = async (page: Page) => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes are saved.').waitFor();
  };
  // The shell animates its layout when the window size changes; a picture taken mid-way is useless.
  const resize = async (page: Page, width: number, height: number) => {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
  };
  const track = (writeKey: string) =>
    cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: 'a-1', event: 'Product Viewed', properties: { sku: 'TEA-1' } }, writeKey);

  test('store details, recovery rules, install check, secrets, keys, and a new store', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cb.env.base });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    // A failing step leaves a picture of what the page showed.
    t.after(async () => {
      if (!context.pages().length) return;
      await page.screenshot({ path: 'test-results/admin-settings-failure.png', fullPage: true }).catch(() => undefined);
    });

    await page.goto(`${cb.env.base}/stores/${store.id}/settings`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    // Store: name, domain, currency and time zone (both searchable), postal address.
    await page.getByRole('textbox', { name: 'Store name' }).fill('Lantern Tea House');
    await page.getByRole('textbox', { name: 'Storefront domain' }).fill('tea.example.com');
    await page.getByRole('combobox', { name: 'Currency' }).click();
    await page.getByRole('combobox', { name: 'Currency' }).fill('euro');
    await page.getByRole('option', { name: /^EUR · Euro/ }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('shanghai');
    await page.getByRole('option', { name: /^Asia\/Shanghai/ }).click();
    await page.getByText('4 unsaved changes').waitFor();
    await page.getByText(/^No postal address yet/).waitFor();
    await page.getByRole('textbox', { name: 'Postal address' }).fill('9 Harbour Road, Hong Kong');
    await page.getByText('5 unsaved changes').waitFor();
    await saveAndWait(page);
    let s = await settingsOf();
    assert.equal(s.name, 'Lantern Tea House');
    assert.deepEqual([s.settings.domain, s.settings.currency, s.settings.timezone, s.settings.postalAddress], ['tea.example.com', 'EUR', 'Asia/Shanghai', '9 Harbour Road, Hong Kong']);
    assert.equal(await page.getByRole('combobox', { name: 'Store', exact: true }).inputValue(), 'Lantern Tea House', 'the store picker has the new name');

    // Keyboard: the section list is a tab list; arrows move between sections and the address follows.
    await page.getByRole('tab', { name: 'Store', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/\?section=sending$/);
    await page.getByRole('button', { name: 'Check connection' }).click();
    await page.getByText('accepted the connection and the credentials').waitFor();
    // Check DNS: the saved sender's domain, one line per check, the record to publish with a copy button.
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await page.getByText('Checked tea.example.com (mail from no-reply@tea.example.com).').waitFor();
    const row = (check: string) => page.getByTestId(`dns-${check}`);
    assert.equal(await row('spf').getAttribute('data-status'), 'ok');
    await row('spf').getByText('SPF · One SPF record').waitFor();
    assert.equal(await row('dkim').getAttribute('data-status'), 'warn');
    await row('dkim').getByText('DKIM · Mail is not DKIM-signed').waitFor();
    assert.equal(await row('dmarc').getAttribute('data-status'), 'warn');
    await row('dmarc').getByText('DMARC · p=none: reports only, failing mail is still delivered').waitFor();
    await row('dmarc').getByRole('button', { name: 'Copy TXT record at _dmarc.tea.example.com' }).click();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()), 'v=DMARC1; p=quarantine');

    // Recovery: a 2-hour timeout, quiet hours 22:00–08:00, at most 3 emails a week.
    await page.getByRole('tab', { name: 'Recovery' }).click();
    await page.waitForURL(/\?section=recovery$/);
    await page.getByRole('textbox', { name: 'Abandonment timeout' }).fill('2');
    await page.getByRole('combobox', { name: 'Abandonment timeout, unit' }).selectOption('hours');
    await page.getByRole('switch', { name: 'Quiet hours' }).check();
    await page.getByLabel('From', { exact: true }).fill('22:00');
    await page.getByRole('switch', { name: 'Frequency cap' }).check();
    await page.getByRole('textbox', { name: 'At most (emails)' }).fill('3');
    await page.getByRole('combobox', { name: 'Per, unit' }).selectOption('weeks');
    await page.getByRole('radio', { name: /Only shoppers who said yes/ }).check();
    await saveAndWait(page);
    s = (await settingsOf()).settings;
    assert.equal(s.abandonAfter, 'PT2H');
    assert.deepEqual(s.quietHours, { start: '22:00', end: '08:00' });
    assert.deepEqual(s.frequencyCap, { max: 3, per: 'P1W' });
    assert.equal(s.emailConsent, 'opt_in');
    assert.equal(s.currency, 'EUR', 'a section sends only its own changes');

    // A value the server refuses is explained at its field, and nothing is stored.
    const prefix = page.getByRole('textbox', { name: 'Discount code prefix' });
    await prefix.fill('save-10');
    assert.equal(await prefix.inputValue(), 'SAVE-10');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Use up to 12 capital letters A–Z and digits 0–9').waitFor();
    assert.equal(await prefix.getAttribute('aria-invalid'), 'true');
    await page.getByRole('alert').filter({ hasText: 'One value was not accepted: see the marked field.' }).waitFor();
    assert.equal((await settingsOf()).settings.discountPrefix, 'CB');
    await resize(page, 1280, 1900);
    await page.screenshot({ path: 'test-results/admin-settings.png' });
    await resize(page, 1280, 820);

    // Leaving with unsaved changes asks first; "Stay" keeps them, "Discard" lets go.
    await page.getByRole('tab', { name: 'Storefront' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByRole('button', { name: 'Stay and save' }).click();
    assert.equal(await prefix.inputValue(), 'SAVE-10');
    await page.getByRole('tab', { name: 'Storefront' }).click();
    await leave.getByRole('button', { name: 'Discard changes' }).click();
    await page.waitForURL(/\?section=storefront$/);

    // Storefront: the snippet tag carries the public key and the server's public address.
    const tag = await page.getByTestId('snippet-tag').innerText();
    assert.ok(tag.includes(`data-key="${store.publicKey}"`) && tag.includes(`${cb.env.base}/snippet.js`), tag);
    await page.getByRole('button', { name: 'Copy Snippet tag' }).click();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()), tag);

    // The live check: waiting, then green with the source once an event arrives from the snippet's endpoint.
    const check = page.getByTestId('events-check');
    await eventually('the check to wait', async () => (await check.getAttribute('data-state')) === 'waiting');
    const sent = await fetch(`${cb.env.base}/v1/p/track?key=${store.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ messageId: randomUUID(), anonymousId: 'v-1', event: 'Product Viewed', properties: { sku: 'TEA-1' }, context: { library: { name: 'cartback-snippet' } } }),
    });
    assert.equal(sent.status, 200);
    await eventually('the check to turn green', async () => (await check.getAttribute('data-state')) === 'live', 20_000);
    await check.getByText('Snippet', { exact: true }).waitFor();
    await check.getByText('Last: Product Viewed').waitFor();
    await resize(page, 1280, 1900);
    await page.screenshot({ path: 'test-results/admin-settings-storefront.png' });
    await resize(page, 820, 1100);
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    await page.screenshot({ path: 'test-results/admin-settings-820.png' });
    await resize(page, 1280, 820);

    // Connections: a Shopify secret is saved, masked after a reload, never returned, and signs webhooks.
    await page.getByRole('tab', { name: 'Connections' }).click();
    const webhookUrl = await page.getByTestId('shopify-webhook-url').innerText();
    assert.equal(webhookUrl, `${cb.env.base}/v1/webhooks/shopify/${store.id}`);
    await page.getByLabel('Shopify signing secret', { exact: true }).fill(SHOPIFY_SECRET);
    await saveAndWait(page);
    await page.reload();
    await page.getByLabel('Current Shopify signing secret').getByText('••••••9f3a').waitFor();
    for (const body of [await settingsOf(), (await cb.api.admin('GET', '/stores')).body]) assert.ok(!JSON.stringify(body).includes('lanterntea'), 'the secret is never shown back');
    const payload = JSON.stringify({ id: 1 });
    const hook = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'app/uninstalled', 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(payload).digest('base64') },
      body: payload,
    });
    assert.equal(hook.status, 200, 'a delivery signed with the saved secret is accepted');

    // Rotating the write key shows the new one once; the old one is refused at once.
    assert.equal((await track(store.writeKey)).status, 200);
    await page.getByRole('button', { name: 'Rotate write key' }).click();
    await page.getByRole('dialog', { name: 'Rotate the write key?' }).getByRole('button', { name: 'Rotate write key' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new write key' });
    const newKey = (await shown.getByTestId('new-write-key').innerText()).trim();
    assert.match(newKey, /^wk_/);
    assert.equal((await track(store.writeKey)).status, 401);
    assert.equal((await track(newKey)).status, 200);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });

    // A new store from the picker: its write key once, then its install section.
    await page.getByRole('button', { name: 'Add store' }).click();
    const add = page.getByRole('dialog', { name: 'Add store' });
    await add.getByRole('textbox', { name: 'Store name' }).fill('Harbor Outfitters');
    await add.getByRole('combobox', { name: 'Currency' }).click();
    await add.getByRole('combobox', { name: 'Currency' }).fill('GBP');
    await page.getByRole('option', { name: /^GBP/ }).click();
    await add.getByRole('combobox', { name: 'Time zone' }).click();
    await add.getByRole('combobox', { name: 'Time zone' }).fill('london');
    await page.getByRole('option', { name: /^Europe\/London/ }).click();
    await add.getByRole('button', { name: 'Create store' }).click();
    const ready = page.getByRole('dialog', { name: 'Harbor Outfitters is ready' });
    const writeKey = (await ready.getByTestId('created-write-key').innerText()).trim();
    await ready.getByRole('button', { name: 'Go to install' }).click();
    await page.waitForURL(/\/stores\/[^/]+\/settings\?section=storefront$/);
    const newId = new URL(page.url()).pathname.split('/')[2]!;
    const created = await settingsOf(newId);
    assert.deepEqual([created.name, created.settings.currency, created.settings.timezone], ['Harbor Outfitters', 'GBP', 'Europe/London']);
    assert.ok((await page.getByTestId('snippet-tag').innerText()).includes(created.publicKey));
    assert.equal((await track(writeKey)).status, 200, 'the write key shown once works');
    await page.getByTestId('events-check').getByText('Server API').waitFor();

    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  });
});

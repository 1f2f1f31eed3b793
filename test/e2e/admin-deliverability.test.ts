/**
 * Settings → Deliverability in a real Chromium: a DKIM key pasted into its text area is saved, shown
 * masked after a reload and never returned, with the DNS name of its record; a key the server
 * refuses is marked at its field; a bounce secret typed in shows the webhook URL with it, ready to
 * copy, and that URL's report is accepted and suppresses the address. In Chinese too.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'mei@lumen.test';
const PASSWORD = 'correct horse battery';
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const SECRET = 'bounce-secret-lumen-42';

describe('admin settings: deliverability', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let storeId: string;
  before(async () => {
    browser = await launchBrowser();
    const created = await cb.api.admin('POST', '/stores', { name: 'Lumen Optics', templates: false, settings: { senderEmail: 'shop@lumen-optics.test' } });
    assert.equal(created.status, 201);
    storeId = created.body.id;
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Mei Chen', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const settingsOf = async () => (await cb.api.admin('GET', `/stores/${storeId}`)).body.settings;
  const saveAndWait = async (page: Page) => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes are saved.').waitFor();
  };

  test('DKIM key and bounce webhook: saved, masked, refused when wrong, and the webhook URL works', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cb.env.base });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    t.after(async () => {
      if (!context.pages().length) return;
      await page.screenshot({ path: 'test-results/admin-deliverability-failure.png', fullPage: true }).catch(() => undefined);
    });

    await page.goto(`${cb.env.base}/stores/${storeId}/settings?section=deliverability`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 2, name: 'DKIM signature' }).waitFor();
    await page.getByText("Server's key, if set").waitFor();

    // A key that cannot sign is refused and marked at its field; nothing is stored.
    await page.getByRole('textbox', { name: 'Signing domain (d=)' }).fill('lumen-optics.test');
    await page.getByRole('textbox', { name: 'Selector (s=)' }).fill('cb2026');
    assert.equal(await page.getByTestId('dkim-record-name').innerText(), 'cb2026._domainkey.lumen-optics.test');
    const keyField = page.getByRole('textbox', { name: 'Private key' });
    await keyField.fill('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('An RSA private key of at least 1024 bits').waitFor();
    assert.equal(await keyField.getAttribute('aria-invalid'), 'true');
    assert.equal((await settingsOf()).dkimDomain, '');

    await keyField.fill(KEY);
    await saveAndWait(page);
    await page.reload();
    await page.getByText("Store's own key").waitFor();
    await page.getByLabel('Current Private key').waitFor();
    const s = await settingsOf();
    assert.deepEqual([s.dkimDomain, s.dkimSelector], ['lumen-optics.test', 'cb2026']);
    assert.ok(!JSON.stringify(s).includes('PRIVATE KEY'), 'the key is never shown back');

    // The bounce webhook: its URL, then with a newly typed secret in it, copied, saved and working.
    const url = page.getByTestId('bounce-webhook-url');
    assert.equal(await url.innerText(), `${cb.env.base}/v1/webhooks/bounces/${storeId}`);
    await page.getByLabel('Bounce webhook secret', { exact: true }).fill(SECRET);
    const withSecret = `${cb.env.base.replace('http://', `http://cartback:${SECRET}@`)}/v1/webhooks/bounces/${storeId}`;
    await eventually(async () => (await url.innerText()) === withSecret);
    await page.getByRole('button', { name: /^Copy Bounce webhook URL with the new secret/ }).click();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()), withSecret);
    await saveAndWait(page);
    await page.getByLabel('Current Bounce webhook secret').waitFor();
    assert.equal(await url.innerText(), `${cb.env.base}/v1/webhooks/bounces/${storeId}`, 'once saved, the secret is no longer shown');
    const copied = new URL(withSecret);
    const report = await fetch(`${copied.origin}${copied.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${copied.username}:${decodeURIComponent(copied.password)}`).toString('base64')}` },
      body: JSON.stringify({ type: 'bounce', email: 'gone@shopper.test' }),
    });
    assert.equal(report.status, 200, 'the copied URL authenticates');

    // The same section in Chinese.
    await page.getByRole('tab', { name: 'Deliverability' }).waitFor();
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('tab', { name: '送达率' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'DKIM 签名' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '退信与投诉' }).waitFor();
    await page.screenshot({ path: 'test-results/admin-deliverability-zh.png', fullPage: true });
    assert.deepEqual(failures, []);
  });
});

async function eventually(ok: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

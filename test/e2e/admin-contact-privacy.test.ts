/**
 * A data-protection request handled in the admin app, in a real Chromium: on a contact's page,
 * "Export data" downloads the JSON with everything about them; "Delete contact" names what will go
 * (counts from the server), deletes it for good and returns to the list, where they are gone. The
 * Chinese text of the two buttons, and the raw-event retention setting saved from Settings →
 * Recovery, keep-forever included.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { mailsTo } from '../harness/person.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'dpo@camera.test';
const PASSWORD = 'correct horse battery';

describe('admin: export and delete a contact, event retention', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Data Officer', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const signIn = async (page: Page, path: string) => {
    await page.goto(`${cb.env.base}${path}`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  test('export downloads everything; delete names what goes, deletes, and returns to the list', async (t) => {
    const store = await storeWithFlow(cb.api);
    const shopper = await abandonCart(cb.api, store.writeKey);
    await eventually('the first email', async () => (await mailsTo(cb, store.storeId, shopper.email)).length > 0);
    const contactId = (await cb.api.admin('GET', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(shopper.email)}`)).body[0].id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    t.after(async () => {
      if (context.pages().length) await page.screenshot({ path: 'test-results/admin-contact-privacy-failure.png', fullPage: true }).catch(() => undefined);
      await context.close();
    });

    await signIn(page, `/stores/${store.storeId}/contacts/${contactId}`);
    const data = page.getByRole('region', { name: 'Personal data' });
    await data.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Export data' }).click()]);
    assert.equal(download.suggestedFilename(), `cartback-contact-${contactId}.json`);
    const doc = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    assert.equal(doc.contacts[0].email, shopper.email);
    assert.equal(doc.events.length, 3);
    assert.ok(doc.messages.length >= 1 && doc.mailbox.length >= 1 && doc.runs.length === 1 && doc.carts.length === 1);

    await data.getByRole('button', { name: 'Delete contact' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${shopper.email}?` });
    const summary = dialog.getByTestId('erase-summary');
    await summary.waitFor();
    const listed = await summary.innerText();
    for (const line of ['3 events', '1 cart', '1 flow run', '2 identities']) assert.ok(listed.includes(line), `the dialog names ${line}: ${listed}`);
    assert.match(listed, /\d+ messages?/);
    assert.match(listed, /This cannot be undone\./);
    await page.screenshot({ path: 'test-results/admin-contact-delete.png' });
    assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}/contacts/${contactId}`)).status, 200, 'opening the dialog deletes nothing');

    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(`${cb.env.base}/stores/${store.storeId}/contacts`);
    await page.getByText(`${shopper.email} and their data were deleted.`).waitFor();
    assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}/contacts/${contactId}`)).status, 404);
    assert.equal(await page.getByText(shopper.email, { exact: true }).count(), 0, 'gone from the list');
    assert.deepEqual(failures, []);
  });

  test('in Chinese, the two buttons; retention set, then kept forever', async (t) => {
    const store = await storeWithFlow(cb.api);
    const shopper = await abandonCart(cb.api, store.writeKey);
    const contactId = (await cb.api.admin('GET', `/stores/${store.storeId}/contacts?email=${encodeURIComponent(shopper.email)}`)).body[0].id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    t.after(() => context.close());
    await signIn(page, `/stores/${store.storeId}/settings?section=recovery`);

    const retention = page.getByRole('switch', { name: 'Delete old raw events' });
    await retention.waitFor();
    assert.equal(await retention.isChecked(), true, 'on by default');
    assert.equal(await page.getByRole('textbox', { name: 'Keep raw events for' }).inputValue(), '400');
    await page.getByRole('textbox', { name: 'Keep raw events for' }).fill('5');
    await page.getByRole('combobox', { name: 'Keep raw events for, unit' }).selectOption('weeks');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes are saved.').waitFor();
    assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}`)).body.settings.eventRetention, 'P5W');
    await retention.uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes are saved.').waitFor();
    assert.equal((await cb.api.admin('GET', `/stores/${store.storeId}`)).body.settings.eventRetention, null, 'kept forever');

    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.goto(`${cb.env.base}/stores/${store.storeId}/contacts/${contactId}`);
    const data = page.getByRole('region', { name: '个人数据' });
    await data.getByRole('button', { name: '导出数据' }).waitFor();
    await data.getByRole('button', { name: '删除联系人' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '永久删除' }).waitFor();
    await page.getByRole('dialog').getByText('3 条事件').waitFor();
  });
});

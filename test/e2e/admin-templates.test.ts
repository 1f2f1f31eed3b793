/**
 * The template editor and the dev mailbox in a real Chromium, as a store owner uses them: open a
 * built-in template, change its subject and a line of copy and watch the preview follow, look at
 * it at phone width and with a real cart, break the Liquid and see the error at its line (and a
 * save refused), fix it and save version 1, then send a test and find it, with its headers, in the
 * mailbox next to the email the flow sent. Controls are found by role and accessible name.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { threeStepFlow } from '../fixtures/flows.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'mei@lantern.test';
const PASSWORD = 'correct horse battery';
const SHOPPER = 'mei.cart@shopper.test';
const SUBJECT = 'A note from {{ store.name }} about your cart';

/** Find and replace in the MJML editor with CodeMirror's own search panel (Mod-F), from the top. */
async function replaceInSource(page: Page, find: string, replacement: string) {
  const panel = page.getByRole('tabpanel', { name: 'MJML' });
  await panel.getByRole('textbox', { name: 'MJML source' }).click();
  await page.keyboard.press('Control+f');
  // The panel takes its query on keyup (as typing does), so the fields are typed into, not filled.
  const field = async (name: string, text: string) => {
    await panel.getByRole('textbox', { name }).fill('');
    await panel.getByRole('textbox', { name }).pressSequentially(text);
  };
  await field('Find', find);
  // Enter selects the next match; "replace" replaces a selected match (else it only selects one).
  await panel.getByRole('textbox', { name: 'Find' }).press('Enter');
  await field('Replace', replacement);
  await panel.getByRole('button', { name: 'replace', exact: true }).click();
  await page.keyboard.press('Escape');
}

describe('admin app: templates and mailbox', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let storeId: string;
  let source: { mjml: string; text: string };
  before(async () => {
    browser = await launchBrowser();
    // A flow without a holdout on a 1-second timeout: the shopper below gets helpful-1 at once.
    const store = await storeWithFlow(cb.api, threeStepFlow('Tea reminders', { wait1: 'PT1H' }));
    storeId = store.storeId;
    assert.equal((await cb.api.admin('PATCH', `/stores/${storeId}`, { name: 'Lantern Tea Co.' })).status, 200);
    await abandonCart(cb.api, store.writeKey, { email: SHOPPER });
    source = (await cb.api.admin('GET', `/stores/${storeId}/templates/helpful-1/en`)).body;
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Mei Chen', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  test('edit with a live preview, see errors at their line, save a version, send a test and read it in the mailbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));

    await page.goto(`${cb.env.base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${cb.env.base}/stores/${storeId}/dashboard`);

    // The list: every built-in with a readable name, the flow that sends it, a link per locale.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    const row = page.getByTestId('templates').getByRole('row').filter({ hasText: 'Helpful: anything we can help with?' });
    await row.getByRole('link', { name: 'Tea reminders' }).waitFor();
    await row.getByRole('link', { name: 'Edit Helpful: anything we can help with? in English' }).click();
    await page.waitForURL(`${cb.env.base}/stores/${storeId}/templates/helpful-1/en`);

    // The preview renders the sample shopper; a new subject shows in the inbox line.
    const subject = page.getByTestId('preview-subject');
    await eventually('the sample preview', async () => (await subject.textContent()) === "Alex, forgot something? We're here to help");
    await page.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    await eventually('the new subject in the preview', async () => (await subject.textContent()) === 'A note from Lantern Tea Co. about your cart');
    assert.match(await page.getByRole('textbox', { name: 'MJML source' }).innerText(), /<mj-title>A note from \{\{ store\.name \}\} about your cart<\/mj-title>/);

    // A line of the body, edited in the code editor, changes the rendered email.
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await replaceInSource(page, 'We noticed you', 'We saw you');
    await frame.getByText("We saw you didn't quite finish checking out at Lantern Tea Co.").waitFor();

    // Phone width: the email is laid out at 375 px.
    await page.getByText('Mobile', { exact: true }).click();
    await eventually('a 375 px frame', async () => Math.round((await page.locator('iframe[title="Email preview"]').boundingBox())?.width ?? 0) === 375);

    // An {% if %} left open: the error is listed and marked at its line; a save is refused.
    const line = source.mjml.split('\n').findIndex((l) => l.includes('No rush.')) + 1;
    await replaceInSource(page, 'No rush.', '{% if contact.first_name %}No rush.');
    const problems = page.getByTestId('template-problems');
    await problems.getByRole('button', { name: `Go to line ${line}` }).waitFor();
    assert.match(await problems.innerText(), /tag \{% if contact\.first_name %\} not closed/);
    await page.getByRole('tabpanel', { name: 'MJML' }).locator('.cm-line', { hasText: 'No rush.' }).locator('.cm-lintRange-error').first().waitFor();
    assert.ok((await page.locator('.cm-lint-marker-error').count()) > 0, 'a marker in the gutter');
    await page.getByRole('button', { name: 'Save' }).click();
    await problems.getByText('Not saved: the template has problems').waitFor();
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: 'test-results/admin-template-error.png' });

    // Fixed, saved: version 1 of the store's own template, with the new subject.
    await replaceInSource(page, '{% if contact.first_name %}No rush.', 'No rush.');
    await problems.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page.getByTestId('saved-version').filter({ hasText: 'Version 1 saved' }).waitFor();
    const saved = await cb.api.admin('GET', `/stores/${storeId}/templates/helpful-1/en`);
    assert.deepEqual([saved.body.version, saved.body.builtIn], [1, false]);
    assert.ok(saved.body.mjml.includes(`<mj-title>${SUBJECT}</mj-title>`) && saved.body.mjml.includes('We saw you'));
    const rendered = await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-1/en/preview`);
    assert.equal(rendered.body.subject, 'A note from Lantern Tea Co. about your cart');

    // A real cart of the store, found by its shopper's email.
    await page.getByText('Desktop', { exact: true }).click();
    await page.getByText('A real cart', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Cart', exact: true }).fill('mei.cart');
    await page.getByRole('option', { name: new RegExp(SHOPPER.replace('.', '\\.')) }).click();
    await frame.getByText('Carbon Travel Tripod').waitFor();
    await page.screenshot({ path: 'test-results/admin-template-editor.png' });

    // Leaving with unsaved changes asks first.
    await page.getByRole('textbox', { name: 'Preheader' }).fill('Still there?');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Carts' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByRole('button', { name: 'Keep editing' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();

    // A test to an address (the signed-in user's by default), then the way to the mailbox.
    await page.getByRole('button', { name: 'Send a test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a test email' });
    assert.equal(await dialog.getByRole('textbox', { name: 'Send to' }).inputValue(), EMAIL);
    await dialog.getByRole('textbox', { name: 'Send to' }).fill('qa@lantern.test');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByText('Sent to qa@lantern.test').waitFor();
    await dialog.getByRole('link', { name: 'Open the mailbox' }).click();
    await page.waitForURL(`${cb.env.base}/stores/${storeId}/mailbox?q=qa%40lantern.test`);

    const list = page.getByTestId('mail-list');
    await list.getByRole('button', { name: /A note from Lantern Tea Co\. about your cart/ }).click();
    const reader = page.getByTestId('mail-reader');
    await reader.getByRole('heading', { name: '[Test] A note from Lantern Tea Co. about your cart' }).waitFor();
    await reader.frameLocator('iframe').getByText('Carbon Travel Tripod').waitFor();
    await page.screenshot({ path: 'test-results/admin-mailbox.png' });
    await reader.getByRole('tab', { name: 'Headers' }).click();
    const testHeaders = await reader.getByTestId('mail-headers').innerText();
    assert.match(testHeaders, /X-Cartback-Test\s+helpful-1/);
    assert.match(testHeaders, /Subject\s+\[Test\] A note from Lantern Tea Co\./);

    // The flow's own email to the shopper, with the one-click unsubscribe headers.
    await page.getByRole('searchbox', { name: 'Search the mailbox' }).fill(SHOPPER);
    await list.getByRole('button', { name: /To mei\.cart@shopper\.test/ }).click();
    await reader.getByRole('tab', { name: 'Headers' }).click();
    const flowHeaders = await reader.getByTestId('mail-headers').innerText();
    assert.match(flowHeaders, /List-Unsubscribe\s/);
    assert.match(flowHeaders, /List-Unsubscribe-Post\s+unsubscribe button\s+List-Unsubscribe=One-Click/i);

    // Tablet width: the list and the message take turns.
    await page.setViewportSize({ width: 820, height: 1000 });
    await reader.getByRole('button', { name: 'All messages' }).click();
    await list.waitFor();
    await page.screenshot({ path: 'test-results/admin-mailbox-tablet.png' });

    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  });
});

/**
 * A colleague limited to one store, in a real Chromium: the store picker offers only that store
 * and no "add store", the account page shows no users or tokens, and another store's address
 * shows nothing of it. An administrator gives that access on the account page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

describe('admin app: access limited to some stores', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  before(async () => {
    browser = await launchBrowser();
    a = (await cb.api.admin('POST', '/stores', { name: 'Lantern Tea Co.', templates: false })).body;
    b = (await cb.api.admin('POST', '/stores', { name: 'Harbor Outfitters', templates: false })).body;
    await cb.api.admin('POST', '/users', { email: 'owner@shop.test', name: 'Owner', password: 'owner password 1' });
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const signIn = async (email: string, password: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${cb.env.base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    return page;
  };

  test('the owner adds a colleague for one store; the colleague sees that store only', async () => {
    const owner = await signIn('owner@shop.test', 'owner password 1');
    await owner.goto(`${cb.env.base}/account`);
    await owner.getByRole('button', { name: 'Add user' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('clerk@shop.test');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Clerk');
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('clerk password 1');
    await dialog.getByRole('radio', { name: 'Only some stores' }).check();
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await owner.getByRole('cell', { name: 'clerk@shop.test', exact: true }).waitFor();
    const listed = (await cb.api.admin('GET', '/users')).body.find((u: { email: string }) => u.email === 'clerk@shop.test');
    assert.deepEqual(listed.stores, [a.id], 'the first store was chosen');

    const clerk = await signIn('clerk@shop.test', 'clerk password 1');
    assert.match(clerk.url(), new RegExp(`/stores/${a.id}/dashboard`));
    await clerk.getByRole('combobox', { name: 'Store' }).click();
    assert.deepEqual(await clerk.getByRole('option').allInnerTexts(), [a.name]);
    await clerk.keyboard.press('Escape');
    assert.equal(await clerk.getByRole('button', { name: 'Add store' }).count(), 0, 'no "add store" for a colleague');
    await clerk.goto(`${cb.env.base}/account`);
    await clerk.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await clerk.getByText('API tokens', { exact: true }).count(), 0);
    await clerk.screenshot({ path: 'test-results/admin-scoped-account.png' });
    await clerk.goto(`${cb.env.base}/stores/${b.id}/dashboard`);
    await clerk.waitForTimeout(1000);
    assert.equal(await clerk.getByText(b.name).count(), 0, "nothing of the other store's shows");
  });
});

/**
 * The admin app's frame in a real Chromium, as a person uses it: sent to sign-in, a wrong password
 * explained, signed in, the shell with its store picker, the interface in Chinese (kept across a
 * reload and saved to the profile), an API token made on the account page that works from a
 * script, and signing out. Controls are found by role and accessible name, so a lost label or
 * landmark fails here too.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'mei@shop.test';
const PASSWORD = 'correct horse battery';

describe('admin app shell', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let stores: Array<{ id: string; name: string }>;
  before(async () => {
    browser = await launchBrowser();
    for (const name of ['Lantern Tea Co.', 'Harbor Outfitters']) assert.equal((await cb.api.admin('POST', '/stores', { name, templates: false })).status, 201);
    stores = (await cb.api.admin('GET', '/stores')).body;
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Mei Chen', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name });

  test('sign in, switch store and language, make an API token, sign out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));

    await page.goto(`${cb.env.base}/`);
    await page.waitForURL(/\/sign-in\?next=%2F$/);
    await page.getByRole('heading', { name: 'Sign in to Cartback' }).waitFor();
    await page.screenshot({ path: 'test-results/admin-sign-in.png', fullPage: true });

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(await page.getByRole('alert').innerText(), /email or the password is not right/);

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const first = stores[0]!;
    await page.waitForURL(`${cb.env.base}/stores/${first.id}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Store' }).inputValue(), first.name);
    await nav(page, 'Main navigation').getByRole('link', { name: 'Flows' }).waitFor();
    assert.equal(await nav(page, 'Main navigation').getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'), 'page');
    await page.screenshot({ path: 'test-results/admin-shell.png' });

    // Keyboard: the first Tab offers to skip the navigation.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent), 'Skip to content');

    // Another store keeps the area.
    await nav(page, 'Main navigation').getByRole('link', { name: 'Carts' }).click();
    await page.getByRole('combobox', { name: 'Store' }).click();
    await page.getByRole('option', { name: stores[1]!.name }).click();
    await page.waitForURL(`${cb.env.base}/stores/${stores[1]!.id}/carts`);
    await page.getByRole('heading', { level: 1, name: 'Carts' }).waitFor();

    // Tablet width: the navigation folds behind the burger and closes after a choice.
    await page.setViewportSize({ width: 820, height: 900 });
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.waitFor();
    // Folded: moved off screen and inert, so Tab cannot reach links no one can see.
    assert.notEqual(await nav(page, 'Main navigation').getAttribute('inert'), null);
    await eventually('the navigation to leave the screen', async () => {
      const box = await nav(page, 'Main navigation').boundingBox();
      return box !== null && box.x + box.width <= 0;
    });
    await burger.click();
    await nav(page, 'Main navigation').getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flows' }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 820 });

    // 中文: the interface switches at once, survives a reload, and is saved with the user.
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await nav(page, '主导航').getByRole('link', { name: '概览' }).waitFor();
    await page.reload();
    await nav(page, '主导航').getByRole('link', { name: '流程' }).waitFor();
    await page.getByRole('heading', { level: 1, name: '流程' }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang), 'zh-CN');
    const saved = (await cb.api.admin('GET', '/users')).body.find((u: { email: string }) => u.email === EMAIL);
    assert.equal(saved.locale, 'zh-CN');

    // An API token, made on the account page, shown once, works from a script.
    await page.getByRole('button', { name: 'Mei Chen 的账户菜单' }).click();
    await page.getByRole('menuitem', { name: '账户' }).click();
    await page.waitForURL(`${cb.env.base}/account`);
    await page.getByRole('button', { name: '创建令牌' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('nightly export');
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    const token = (await dialog.getByTestId('new-token').innerText()).trim();
    const res = await fetch(`${cb.env.base}/api/stores`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as unknown[]).length, 2);
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'API 令牌' }).getByText('nightly export').waitFor();
    // The shell's header and navigation are fixed: a taller window, not fullPage, shows the page whole.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.screenshot({ path: 'test-results/admin-account.png' });
    await page.setViewportSize({ width: 1280, height: 820 });

    // Signing out ends the session: the app is behind sign-in again.
    await page.getByRole('button', { name: 'Mei Chen 的账户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(`${cb.env.base}/sign-in`);
    await page.getByRole('heading', { name: '登录 Cartback' }).waitFor();
    await page.goto(`${cb.env.base}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);

    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  });
});

describe('admin app first-user setup', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('the one-time link creates the first user and opens the app; then it only points to sign-in', async () => {
    const link = cb.running.setupLink;
    assert.ok(link, 'a fresh instance has a setup link');
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(`${cb.env.base}/sign-in`);
    await page.getByText('No one has an account yet').waitFor();

    await page.goto(link);
    await page.getByRole('heading', { name: 'Set up Cartback' }).waitFor();
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill('Ada Admin');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ada@shop.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('textbox', { name: 'Repeat the password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Choose a longer password: at least 10 characters.').waitFor();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('textbox', { name: 'Repeat the password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Signed in at once; with no store yet, home says how to make one.
    await page.getByRole('heading', { name: 'No stores yet' }).waitFor();
    await page.getByRole('button', { name: 'Account menu for Ada Admin' }).waitFor();

    await page.goto(link);
    await page.waitForURL(`${cb.env.base}/`);
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(link);
    await fresh.getByRole('heading', { name: 'Setup is done' }).waitFor();
    await fresh.getByRole('link', { name: 'Go to sign-in' }).click();
    await fresh.waitForURL(`${cb.env.base}/sign-in`);
    await other.close();
    await context.close();
  });
});

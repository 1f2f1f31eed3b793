/**
 * The store owner's reading of the demo store's simulated month in a real Chromium: the dashboard
 * shows the API's figures as formatted for the locale, the period switches, the carts list filters
 * and opens a cart, a contact with a recovered order shows the credited order and the reasons of
 * a message (in English and Chinese), and the demo data goes in one click, leaving the dashboard
 * empty. Screenshots go to test-results/ for a person to look at.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'owner@camera.test';
const PASSWORD = 'correct horse battery';
const usd = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
const int = (n: number) => new Intl.NumberFormat('en').format(n);

describe('admin dashboard, carts and contacts on the demo store', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite, { env: { CARTBACK_DEMO: 'true' } });
  let browser: Browser;
  let storeId: string;
  before(async () => {
    browser = await launchBrowser();
    storeId = (await cb.api.admin('GET', '/stores')).body.find((s: { name: string }) => s.name === 'Demo Camera Shop').id;
    assert.ok((await cb.api.admin('GET', `/stores/${storeId}/demo-data`)).body.simulatedContacts > 0, 'the demo store comes with its simulated month');
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Owner', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
  });
  after(async () => browser?.close());

  const isDashboard = (r: Response) => r.url().includes(`/api/stores/${storeId}/dashboard?`) && r.request().method() === 'GET';
  /** The same question the page asked, put to the API directly with the admin token. */
  const apiFor = async (r: Response) => (await cb.api.admin('GET', `/stores/${storeId}/dashboard?${new URL(r.url()).searchParams}`)).body;
  const kpi = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).getByTestId('kpi-value');
  const textIs = (page: Page, what: string, read: () => Promise<string>, want: string) => eventually(`${what} to read ${want}`, async () => (await read()).trim() === want);
  /** The whole page in one picture: the shell is fixed, so a taller window rather than fullPage. */
  const shoot = async (page: Page, path: string) => {
    const h = await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number } } }).document.querySelector('main').scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(h + 60, 4000) });
    await page.waitForTimeout(400); // the shell's navigation animates to the new height (only the picture depends on it)
    await page.screenshot({ path });
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  test('figures match the API, the period switches, carts filter, a contact explains itself, demo data goes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));

    await page.goto(`${cb.env.base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    const firstLoad = page.waitForResponse(isDashboard);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${cb.env.base}/stores/${storeId}/dashboard`);
    const first = await firstLoad;
    const month = await apiFor(first);
    assert.ok(month.kpis.recoveredRevenue > 0 && month.kpis.abandonedCarts > 0, 'the simulated month has recoveries');

    // Dashboard: the headline figures are the API's, formatted for English.
    await page.getByTestId('demo-banner').getByText('These figures are demo data').waitFor();
    await textIs(page, 'recovered revenue', () => kpi(page, 'Recovered revenue').innerText(), usd(month.kpis.recoveredRevenue));
    assert.equal((await kpi(page, 'Abandoned carts').innerText()).trim(), int(month.kpis.abandonedCarts));
    const lift = (await page.getByTestId('lift-sentence').innerText()).trim();
    assert.match(lift, /^[+−-]?\d+\.\d points (over|below) the holdout \(95% interval -?\d+\.\d to -?\d+\.\d\): /);
    assert.match(await page.getByTestId('lift').innerText(), new RegExp(`${int(month.lift.treated.converted)} of ${int(month.lift.treated.entered)} shoppers bought`));
    assert.match(await page.getByTestId('funnel').innerText(), new RegExp(`Recovered\\s+${int(month.funnel.recovered)}`));
    await page.getByTestId('step-table').getByText('Anything we can help with?').waitFor();
    await page.getByRole('region', { name: 'Return on cost' }).getByRole('link', { name: 'Settings' }).waitFor();
    await shoot(page, 'test-results/admin-dashboard.png');

    // The estimator starts at the store's figures and follows an edit at once.
    const rate = page.getByRole('textbox', { name: 'Recovery rate (per abandoned cart)' });
    await rate.fill('20');
    const avgMinor = month.estimator.averageCartValue as number;
    await textIs(page, 'the estimate', () => page.getByTestId('estimate').innerText(), usd(Math.round(month.estimator.monthlyAbandoned * 0.2 * avgMinor)));

    // Another period: new figures from the API, shown as they are.
    const week = page.waitForResponse((r) => isDashboard(r) && r.url() !== first.url());
    await page.getByText('7 days', { exact: true }).click();
    await page.waitForURL(/\?days=7$/);
    const last7 = await apiFor(await week);
    assert.ok(Date.parse(last7.from) > Date.parse(month.from), 'a shorter period');
    await textIs(page, 'abandoned carts of 7 days', () => kpi(page, 'Abandoned carts').innerText(), int(last7.kpis.abandonedCarts));
    await textIs(page, 'recovered revenue of 7 days', () => kpi(page, 'Recovered revenue').innerText(), usd(last7.kpis.recoveredRevenue));

    // 820 px wide (a tablet): nothing runs off the side.
    await page.setViewportSize({ width: 820, height: 1000 });
    const overflow = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    assert.ok(overflow <= 820, `the dashboard fits 820 px (scrollWidth ${overflow})`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Carts: filter by status and value (major units in, minor units to the API), open one.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Carts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carts' }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Recovered' }).click();
    await page.getByRole('textbox', { name: 'Value from' }).fill('100');
    await page.waitForURL(/status=recovered.*min=100/);
    const recovered = (await cb.api.admin('GET', `/stores/${storeId}/carts?status=recovered&minValue=10000&limit=50`)).body as Array<{ external_id: string; email: string; contact_id: string }>;
    assert.ok(recovered.length > 0);
    const table = page.getByTestId('carts-table');
    await eventually('the filtered list', async () => (await table.locator('tbody tr').count()) === recovered.length && (await table.locator('tbody tr').first().innerText()).includes(recovered[0]!.external_id));
    assert.equal(await table.getByText('Abandoned', { exact: true }).count(), 0, 'only recovered carts');
    await table.getByRole('button', { name: recovered[0]!.external_id }).click();
    const drawer = page.getByRole('dialog', { name: `Cart ${recovered[0]!.external_id}` });
    await drawer.getByTestId('cart-items').waitFor();
    await shoot(page, 'test-results/admin-carts.png');

    // The shopper's page: the recovered order with the step it is credited to, and a message's reasons.
    await drawer.getByRole('link', { name: recovered[0]!.email }).click();
    await page.waitForURL(`${cb.env.base}/stores/${storeId}/contacts/${recovered[0]!.contact_id}`);
    const story = (await cb.api.admin('GET', `/stores/${storeId}/contacts/${recovered[0]!.contact_id}`)).body.timeline as Array<{ kind: string; data: Record<string, unknown> }>;
    const order = story.find((e) => e.kind === 'order' && e.data.recovered === 1)!.data;
    const credited = story.find((e) => e.kind === 'message_sent' && e.data.id === order.attributed_message_id)!.data;
    const timeline = page.getByTestId('timeline');
    await timeline.getByText(`Credited to “${credited.subject}” (step ${order.attributed_node_id} of Helpful two-step)`).waitFor();
    const why = await timeline.locator('[data-kind="message_sent"]').first().getByTestId('why').innerText();
    assert.match(why, /Entered the flow “Helpful two-step” at version 1 on /);
    assert.match(why, /Checked at send time: no purchase since the cart, .* the store has a postal address, .*within the frequency cap, and the email shows the unsubscribe link and the postal address\./);
    assert.match(why, /Handed to the mail server\./);
    await shoot(page, 'test-results/admin-contact.png');

    // The same reasons in Chinese, then the demo data goes in one click (after a confirmation).
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await timeline.getByText(/进入流程“Helpful two-step”（版本 1）/).first().waitFor();
    await page.screenshot({ path: 'test-results/admin-contact-zh.png' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
    await page.getByTestId('demo-banner').getByRole('button', { name: '移除演示数据' }).click();
    await page.getByRole('dialog', { name: '确定移除演示数据？' }).getByRole('button', { name: '移除演示数据' }).click();
    await page.getByRole('heading', { name: '还没有购物车数据' }).waitFor();
    assert.equal(await page.getByTestId('demo-banner').count(), 0, 'no banner once the demo data is gone');
    assert.equal((await cb.api.admin('GET', `/stores/${storeId}/demo-data`)).body.simulatedContacts, 0);
    await page.screenshot({ path: 'test-results/admin-dashboard-empty.png' });

    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  });
});

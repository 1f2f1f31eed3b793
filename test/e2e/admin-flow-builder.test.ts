/**
 * The flow builder in a real Chromium, as a shop owner uses it: a two-step flow built from nothing
 * on the canvas (steps from the palette, links dragged handle to handle with the mouse, settings in
 * the side panel) while "What's missing" shrinks to "Ready to publish"; published, and the stored
 * definition checked through the API (steps, links, the canvas positions, live at version 1); a
 * shopper enrolled; a wait edited and version 2 published while that shopper's run stays on
 * version 1. Then the list: a ready-made flow started, published, paused and resumed, and a flow
 * with history that cannot be deleted. Controls are found by role and name, as in admin-shell.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { eventually } from '../harness/api.ts';
import { browserSkip, launchBrowser } from '../harness/browser.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const EMAIL = 'lin@shop.test';
const PASSWORD = 'correct horse battery';
const FLOW = 'Two-step by hand';

interface StoredNode { id: string; type: string; next?: string | null; duration?: string; template?: string; discount?: { kind: string; value: number; validFor: string }; position?: { x: number; y: number } }

describe('admin flow builder', { skip: browserSkip }, () => {
  const cb = cartbackSuite(sqlite);
  let browser: Browser;
  let page: Page;
  let store: { id: string; writeKey: string };
  before(async () => {
    browser = await launchBrowser();
    const made = await cb.api.admin('POST', '/stores', { name: 'Lantern Tea Co.', templates: false, settings: { abandonAfter: 'PT1S', postalAddress: '1 Lens Road, Shenzhen', supportEmail: 'help@shop.test', emailConsent: 'opt_out' } });
    assert.equal(made.status, 201);
    store = made.body;
    assert.equal((await cb.api.admin('POST', '/users', { email: EMAIL, name: 'Lin Wei', password: PASSWORD })).status, 201);
    fs.mkdirSync('test-results', { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`uncaught error in the page: ${e.message}`));
    await page.goto(`${cb.env.base}/sign-in?next=${encodeURIComponent(`/stores/${store.id}/flows`)}`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flows' }).waitFor();
  });
  after(async () => browser?.close());

  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  /** Selects a step and waits until it holds the focus: Delete only acts while the canvas has it (a slow machine may lag). */
  const selectStep = async (id: string) => {
    const ready = async () => (await node(id).getAttribute('class'))?.includes('selected') && (await node(id).evaluate((el) => el.contains((el.ownerDocument as unknown as { activeElement: unknown }).activeElement as never)));
    await node(id).click();
    // A click that landed while the canvas was still re-rendering (just after an undo) may select
    // nothing: click again, as a person would, until the step is selected and holds the focus.
    await eventually(`step ${id} selected and focused`, async () => (await ready()) || void (await node(id).click({ timeout: 2000 }).catch(() => undefined)));
  };
  const verdict = () => page.getByTestId('problems-verdict');
  const stored = async () => {
    const flows = (await cb.api.admin('GET', `/stores/${store.id}/flows`)).body as Array<{ id: string; name: string }>;
    const id = flows.find((f) => f.name === FLOW)!.id;
    return (await cb.api.admin('GET', `/stores/${store.id}/flows/${id}`)).body as { id: string; status: string; liveVersion: number; definition: { nodes: StoredNode[] } };
  };
  /** Drags with the mouse from one handle to another, in small steps as a hand would. */
  async function drag(from: Locator, to: Locator) {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
  }
  const link = (source: string, target: string) => drag(node(source).locator('.react-flow__handle.source'), node(target).locator('.react-flow__handle.target'));
  /** The count in "N things to fix", once the check has answered for the current draft. */
  async function toFix(): Promise<number> {
    await page.getByRole('status').filter({ hasText: /Checking…/ }).waitFor({ state: 'detached' }).catch(() => undefined);
    await eventually('the check to answer', async () => !(await page.locator('[data-testid="problems"] .mantine-Loader-root').count()));
    const text = await verdict().innerText();
    return text === 'Ready to publish' ? 0 : Number(/(\d+) things? to fix/.exec(text)?.[1] ?? NaN);
  }
  /** Toasts gone (they close by themselves), so a screenshot shows the page. */
  const quiet = () => eventually('the toasts to close', async () => (await page.locator('.mantine-Notification-root').count()) === 0, 20_000);
  async function choose(label: string, option: string) {
    await page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first().click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  test('a two-step flow built on the canvas, published; version 2 leaves a run in flight on version 1', async () => {
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(FLOW);
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/new\?name=/);
    await page.getByRole('heading', { level: 1, name: FLOW }).waitFor();
    assert.equal(await toFix(), 1, 'an empty flow lacks its trigger');
    await page.getByText('Add a trigger: every flow starts with one.').waitFor();

    // Five steps from the palette: each lands below the one selected before it.
    const palette = page.getByRole('group', { name: 'Add a step' });
    for (const step of ['Trigger', 'Send email', 'Wait', 'Send email', 'Exit']) await palette.getByRole('button', { name: step, exact: true }).click();
    assert.equal(await page.locator('.react-flow__node').count(), 5);
    assert.ok(await palette.getByRole('button', { name: 'Trigger' }).isDisabled(), 'one trigger per flow');
    // A step too many: Delete removes the selected one, Ctrl+Z brings it back, Delete again.
    await palette.getByRole('button', { name: 'Holdout', exact: true }).click();
    await selectStep('holdout-1');
    await page.keyboard.press('Delete');
    await eventually('the step to go', async () => (await node('holdout-1').count()) === 0);
    await page.keyboard.press('Control+z');
    await node('holdout-1').waitFor();
    await selectStep('holdout-1');
    await page.keyboard.press('Delete');
    await eventually('the step to go again', async () => (await page.locator('.react-flow__node').count()) === 5);
    await page.getByRole('button', { name: 'Show the whole flow' }).click();
    const before = await toFix();
    assert.ok(before >= 2, `two templates to choose at least (found ${before})`);

    // Configure in the side panel: templates, a 30-minute wait, a discount on step 2.
    await node('email-1').click();
    await choose('Email template', 'helpful-1');
    await node('wait-1').click();
    await page.getByRole('textbox', { name: 'Wait for' }).fill('30');
    await choose('Unit of Wait for', 'minutes');
    await node('email-2').click();
    await choose('Email template', 'helpful-2');
    await page.getByRole('switch', { name: /Include a discount/ }).check();
    await page.getByRole('textbox', { name: 'Discount' }).fill('5');
    await node('email-2').locator('.flow-node-summary').filter({ hasText: 'with 5% off, valid for 3 days' }).waitFor();
    await node('wait-1').locator('.flow-node-summary').filter({ hasText: 'Wait 30 minutes' }).waitFor();
    const unlinked = await toFix();
    assert.ok(unlinked < before && unlinked === 4, `only the four unlinked steps are left (found ${unlinked})`);

    // Link them by dragging from each step's bottom handle to the next step's top handle.
    const chain = ['trigger', 'email-1', 'wait-1', 'email-2', 'end-1'];
    let left = unlinked;
    for (let i = 0; i + 1 < chain.length; i++) {
      await link(chain[i]!, chain[i + 1]!);
      await eventually(`link ${chain[i]} → ${chain[i + 1]}`, async () => (await page.locator('.react-flow__edge').count()) === i + 1);
      const now = await toFix();
      assert.ok(now < left, `the list shrinks (${left} → ${now})`);
      left = now;
    }
    assert.equal(await verdict().innerText(), 'Ready to publish');

    // Keyboard: the list of steps selects a step and moves the focus to its settings.
    await page.getByRole('tab', { name: /All steps/ }).click();
    await page.getByTestId('outline-wait-1').focus();
    await page.keyboard.press('Enter');
    await eventually('focus on the step settings', async () => (await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)) === 'step-panel-title');

    await page.getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish version 1?' });
    await confirm.getByText('keep the version they started on').waitFor();
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(new RegExp(`/stores/${store.id}/flows/[0-9a-f-]{36}$`));
    await page.getByTestId('flow-status').filter({ hasText: 'Live' }).waitFor();

    // The stored definition is what the canvas showed: steps, links, and each step's position.
    const v1 = await stored();
    assert.equal(v1.status, 'live');
    assert.equal(v1.liveVersion, 1);
    const byId = new Map(v1.definition.nodes.map((n) => [n.id, n]));
    assert.deepEqual(v1.definition.nodes.map((n) => n.type).sort(), ['exit', 'send_email', 'send_email', 'trigger', 'wait']);
    for (let i = 0; i + 1 < chain.length; i++) assert.equal(byId.get(chain[i]!)!.next, chain[i + 1], `${chain[i]} links to ${chain[i + 1]}`);
    assert.equal(byId.get('wait-1')!.duration, 'PT30M');
    assert.equal(byId.get('email-1')!.template, 'helpful-1');
    assert.deepEqual(byId.get('email-2')!.discount, { kind: 'percent', value: 5, validFor: 'P3D' });
    for (const id of chain) {
      const shown = await node(id).evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform);
      const [, x, y] = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(shown)!;
      assert.deepEqual(byId.get(id)!.position, { x: Number(x), y: Number(y) }, `${id} is stored where the canvas shows it`);
    }

    // A shopper enters version 1 and waits on it.
    const shopper = await abandonCart(cb.api, store.writeKey);
    const run = await eventually('the shopper to enter the flow', async () => {
      const contacts = (await cb.api.admin('GET', `/stores/${store.id}/contacts?email=${encodeURIComponent(shopper.email)}`)).body as { items?: Array<{ id: string }> } | Array<{ id: string }>;
      const id = (Array.isArray(contacts) ? contacts : contacts.items ?? [])[0]?.id;
      if (!id) return false;
      const timeline = (await cb.api.admin('GET', `/stores/${store.id}/contacts/${id}`)).body.timeline as Array<{ kind: string; data: { flow_version: number } }>;
      return timeline.find((e) => e.kind === 'run') && id;
    });

    // Version 2: a longer wait, published while the run is in flight.
    await node('wait-1').click();
    await page.getByRole('textbox', { name: 'Wait for' }).fill('45');
    await page.getByRole('button', { name: 'Publish' }).click();
    const confirm2 = page.getByRole('dialog', { name: 'Publish version 2?' });
    await confirm2.getByText('The 1 shopper already in this flow keeps the version they started on').waitFor();
    await confirm2.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('flow-versions-line').filter({ hasText: 'Live: version 2' }).waitFor();
    const v2 = await stored();
    assert.equal(v2.liveVersion, 2);
    assert.equal(v2.definition.nodes.find((n) => n.id === 'wait-1')!.duration, 'PT45M');
    const timeline = (await cb.api.admin('GET', `/stores/${store.id}/contacts/${run}`)).body.timeline as Array<{ kind: string; data: { flow_id: string; flow_version: number } }>;
    assert.deepEqual(timeline.filter((e) => e.kind === 'run').map((e) => [e.data.flow_id, e.data.flow_version]), [[v2.id, 1]], 'the run in flight keeps version 1');

    // Version 1, read-only, as the run executes it.
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'View version 1' }).click();
    await page.getByText('You are looking at version 1').waitFor();
    await node('wait-1').locator('.flow-node-summary').filter({ hasText: 'Wait 30 minutes' }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Add a step' }).count(), 0, 'no palette on an old version');
    await page.getByRole('button', { name: 'Back to editing' }).click();
    await node('wait-1').locator('.flow-node-summary').filter({ hasText: 'Wait 45 minutes' }).waitFor();

    // Live counts on the canvas: the first email went out, the shopper waits for the second.
    await node('email-1').getByText('1 sent').waitFor();
    await node('email-2').getByText('1 waiting').waitFor();
    await node('email-2').click();
    await page.getByRole('switch', { name: /Include a discount/ }).waitFor();
    await quiet();
    await page.screenshot({ path: 'test-results/admin-flow-builder.png' });
  });

  test('a ready-made flow: started, published, paused and resumed from the list; a flow with history is not deleted', async () => {
    await page.getByRole('link', { name: 'All flows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flows' }).waitFor();
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByRole('radio', { name: 'Classic three-step' }).click();
    assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), 'Classic three-step');
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classic three-step' }).waitFor();
    await page.getByTestId('flow-status').filter({ hasText: 'Draft' }).waitFor();
    await eventually('the check', async () => (await verdict().innerText()) === 'Ready to publish');
    assert.equal(await page.locator('.react-flow__node').count(), 9);

    // An edit survives a reload: this browser keeps it and offers it back.
    await node('wait-1').click();
    await page.getByRole('textbox', { name: 'Wait for' }).fill('45');
    await node('wait-1').getByText('Wait 45 minutes').waitFor();
    await eventually('the edit to be kept', () => page.evaluate(() => Object.keys((globalThis as unknown as { localStorage: object }).localStorage).some((k) => k.startsWith('cartback.flowDraft.'))));
    page.once('dialog', (d) => void d.accept()); // the browser's "leave site?" for unsaved changes
    await page.reload();
    await page.getByText(/Unsaved changes to this flow from .* were kept in this browser/).waitFor();
    await node('wait-1').getByText('Wait 30 minutes').waitFor();
    await page.getByRole('button', { name: 'Restore them' }).click();
    await node('wait-1').getByText('Wait 45 minutes').waitFor();
    await eventually('the check', async () => (await verdict().innerText()) === 'Ready to publish');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog', { name: 'Publish version 2?' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('flow-status').filter({ hasText: 'Live' }).waitFor();

    await page.getByRole('link', { name: 'All flows' }).click();
    const table = page.getByRole('table', { name: 'Flows' });
    const row = table.getByRole('row').filter({ hasText: 'Classic three-step' });
    await row.getByText('Live', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Pause Classic three-step' }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Resume Classic three-step' }).click();
    await row.getByText('Live', { exact: true }).waitFor();
    const flows = (await cb.api.admin('GET', `/stores/${store.id}/flows`)).body as Array<{ id: string; name: string; status: string; liveVersion: number }>;
    assert.deepEqual(flows.map((f) => [f.name, f.status, f.liveVersion]), [[FLOW, 'live', 2], ['Classic three-step', 'live', 2]]);
    const classic = (await cb.api.admin('GET', `/stores/${store.id}/flows/${flows[1]!.id}`)).body as { definition: { nodes: StoredNode[] } };
    assert.equal(classic.definition.nodes.find((n) => n.id === 'wait-1')!.duration, 'PT45M', 'the restored edit was published');

    // The hand-built flow has a shopper in it: deleting it is refused, and the dialog says why.
    await table.getByRole('row').filter({ hasText: FLOW }).getByRole('button', { name: `More actions for ${FLOW}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const del = page.getByRole('dialog', { name: `Delete “${FLOW}”?` });
    await del.getByRole('button', { name: 'Delete flow' }).click();
    await del.getByRole('alert').filter({ hasText: 'Pause it instead' }).waitFor();
    await page.screenshot({ path: 'test-results/admin-flows-delete.png' });
    await del.getByRole('button', { name: 'Close' }).click();
    await del.waitFor({ state: 'hidden' });
    await quiet();
    await page.screenshot({ path: 'test-results/admin-flows.png' });

    // A tablet: the side panel becomes a drawer, opened from the toolbar or by tapping a step.
    await page.setViewportSize({ width: 820, height: 1000 });
    await table.getByRole('link', { name: 'Classic three-step' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classic three-step' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: /All steps/ }).count(), 0, 'no side panel beside the canvas');
    await node('email-3').click();
    const drawer = page.getByRole('dialog', { name: 'Steps and settings' });
    await drawer.getByRole('heading', { name: 'Send email' }).waitFor();
    // Slid in and faded in (200 ms each), so the screenshot shows the drawer, not its transition.
    await eventually('the drawer to slide in', async () => Math.abs(((await drawer.boundingBox())?.x ?? 0) - 420) < 1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/admin-flow-builder-tablet.png' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

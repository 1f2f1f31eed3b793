/**
 * DESIGN.md §5 invariants the engine guards, each through the public API on every database:
 * 3 (unsubscribe, consent, quiet hours at send time), 5 (a run keeps its flow version),
 * 6 (never early), 9 (links reach only their own shopper), plus holdout and A/B assignment.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const hrefs = (html: string, kind: string) => [...html.matchAll(new RegExp(`href="([^"]*/${kind}/[^"]+)"`, 'g'))].map((m) => m[1]!.replaceAll('&amp;', '&'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of DIALECTS) {
  describe(`engine invariants on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const to = (email: string) => cb.smtp.messages.filter((m) => (m.to as { text: string }).text === email);
    const timelineOf = async (storeId: string, email: string) => {
      const c = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0];
      return (await cb.api.admin('GET', `/stores/${storeId}/contacts/${c.id}`)).body as { timeline: Array<{ kind: string; at: string; data: Record<string, unknown> }> };
    };

    test('3: a GET of the unsubscribe link changes nothing; the one-click POST stops every later step', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Unsub', { wait1: 'PT2S' }));
      const s = await abandonCart(cb.api, writeKey);
      const [first] = await eventually('first email', async () => to(s.email).length >= 1 && to(s.email));
      const url = hrefs(first!.html as string, 'u')[0]!;
      const page = await cb.api.get(url);
      assert.equal(page.status, 200, 'a link scanner GET sees a confirmation page');
      assert.match(await page.text(), /<form method="post"/);
      let c = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(s.email)}`)).body[0];
      assert.equal(c.unsubscribed_at, null, 'GET did not unsubscribe');
      const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(post.status, 200);
      c = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(s.email)}`)).body[0];
      assert.notEqual(c.unsubscribed_at, null);
      await sleep(3000);
      assert.equal(to(s.email).length, 1, 'nothing after the unsubscribe');
    });

    test("3: quiet hours in the contact's time zone hold the send back; consent opt-in blocks unconsented contacts", async () => {
      const now = new Date();
      const hh = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
      // A window covering the current UTC time for a contact in UTC.
      const quiet = { start: hh(new Date(now.getTime() - 3600_000)), end: hh(new Date(now.getTime() + 3600_000)) };
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Quiet'), { quietHours: quiet, timezone: 'UTC' });
      const s = await abandonCart(cb.api, writeKey, { timezone: 'UTC' });
      // The engine reaches the send step and moves it to the end of the quiet window.
      await eventually('the send to be rescheduled', async () => {
        const run = (await timelineOf(storeId, s.email)).timeline.find((e) => e.kind === 'run');
        return run && Number(run.data.due_at) >= now.getTime() + 3000_000;
      });
      assert.equal(to(s.email).length, 0, 'held back during quiet hours');

      const optIn = await storeWithFlow(cb.api, threeStepFlow('Opt-in'), { emailConsent: 'opt_in' });
      const s2 = await abandonCart(cb.api, optIn.writeKey);
      await sleep(2500);
      assert.equal(to(s2.email).length, 0, 'no consent, no email');
    });

    test('5: runs in flight keep the version they enrolled in', async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, threeStepFlow('Versioned', { wait1: 'PT3S', wait2: 'PT1H' }));
      const s = await abandonCart(cb.api, writeKey);
      await eventually('first email', async () => to(s.email).length >= 1);
      const v2 = threeStepFlow('Versioned', { wait1: 'PT3S', wait2: 'PT1H' });
      v2.nodes = v2.nodes.map((n) => (n.id === 'email-2' ? { ...n, template: 'classic-2', discount: undefined } : n)) as typeof v2.nodes;
      const put = await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}?publish=true`, JSON.parse(JSON.stringify(v2)));
      assert.equal(put.status, 200);
      assert.equal(put.body.liveVersion, 2);
      const second = await eventually('second email', async () => to(s.email).length >= 2 && to(s.email)[1]);
      assert.match(second.html as string, /CB-[A-Z2-9]{8}/, 'step 2 of version 1 (with its discount), not version 2');
      const v1 = await cb.api.admin('GET', `/stores/${storeId}/flows/${flowId}/versions/1`);
      assert.equal(v1.body.nodes.find((n: { id: string }) => n.id === 'email-2').template, 'helpful-2', 'version 1 is unchanged');
    });

    test('6: a wait is never cut short', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Timing', { wait1: 'PT2S', wait2: 'PT1H' }));
      const s = await abandonCart(cb.api, writeKey);
      await eventually('second email', async () => to(s.email).length >= 2, 20_000);
      const sent = (await timelineOf(storeId, s.email)).timeline.filter((e) => e.kind === 'message_sent');
      const gap = Number(sent[1]!.data.created_at) - Number(sent[0]!.data.sent_at ?? sent[0]!.data.created_at);
      assert.ok(gap >= 2000, `step 2 claimed ${gap} ms after step 1 was sent; the wait is 2000 ms`);
    });

    test('9: a tampered or foreign token reaches nothing', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Links', { wait2: 'PT1H', wait1: 'PT1H' }));
      const a = await abandonCart(cb.api, writeKey);
      const b = await abandonCart(cb.api, writeKey);
      const [ma] = await eventually('mail to a', async () => to(a.email).length >= 1 && to(a.email));
      const [mb] = await eventually('mail to b', async () => to(b.email).length >= 1 && to(b.email));
      const ra = hrefs(ma!.html as string, 'r')[0]!;
      const rb = hrefs(mb!.html as string, 'r')[0]!;
      const [tokA, tokB] = [ra.split('/r/')[1]!, rb.split('/r/')[1]!];
      // B's message id with A's signature: refused.
      const spliced = `${tokB.split('.')[0]}.${tokA.split('.').slice(1).join('.')}`;
      for (const t of [spliced, `${tokA}x`, tokA.slice(0, -2), 'nonsense']) {
        const r = await cb.api.get(`${cb.env.base}/r/${t}`);
        assert.equal(r.status, 404, `token ${t} must not resolve`);
      }
      // A restore token is not an unsubscribe token.
      const cross = await fetch(`${cb.env.base}/u/${tokA}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(cross.status, 404);
      const la = (await cb.api.get(ra)).headers.get('location')!;
      assert.match(la, /LENS-35/);
      assert.doesNotMatch(la, new RegExp(b.cartId));
    });

    test('click links redirect to the stored target only; the open pixel counts an open', async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, threeStepFlow('Clicks', { wait1: 'PT1H' }));
      const anonymousId = randomUUID();
      const email = `clicker-${anonymousId}@shopper.test`;
      const product = { cart_id: `c-${anonymousId}`, sku: 'BAG-1', name: 'Sling Bag', price: 129, url: 'https://shop.test/products/sling-bag?ref=x&y=1' };
      await cb.api.ingest('/identify', { messageId: randomUUID(), anonymousId, traits: { email } }, writeKey);
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId, event: 'Product Added', properties: product }, writeKey);
      const [mail] = await eventually('email', async () => to(email).length >= 1 && to(email));
      const clicks = hrefs(mail!.html as string, 'c');
      assert.ok(clicks.length > 0, 'product links are tracked');
      assert.doesNotMatch(mail!.html as string, /href="https:\/\/shop\.test/, 'no untracked storefront link');
      const r = await cb.api.get(clicks[0]!);
      assert.equal(r.status, 302);
      assert.equal(r.headers.get('location'), product.url);
      const forged = clicks[0]!.replace(/\.(\d+|[a-z0-9]+)\.([a-z0-9]+)\.([^.]+)$/, '.9.$2.$3');
      assert.equal((await cb.api.get(forged)).status, 404, 'another index needs another signature');
      const pixel = (mail!.html as string).match(/src="([^"]*\/o\/[^"]+)"/)![1]!;
      const gif = await cb.api.get(pixel);
      assert.equal(gif.headers.get('content-type'), 'image/gif');
      const step = (await cb.api.admin('GET', `/stores/${storeId}/stats`)).body.flows.find((f: { flowId: string }) => f.flowId === flowId).steps[0];
      assert.equal(step.clicked, 1);
      assert.equal(step.opened, 1);
    });

    test('conditions branch: cart value, then opened or not', async () => {
      const flow = {
        name: 'Branches',
        trigger: 'cart_abandoned',
        nodes: [
          { id: 'trigger', type: 'trigger', event: 'cart_abandoned', next: 'big' },
          { id: 'big', type: 'condition', check: { kind: 'cart_value', op: 'gte', amount: 500 }, yes: 'vip', no: 'plain' },
          { id: 'vip', type: 'send_email', template: 'classic-1', next: 'wait' },
          { id: 'plain', type: 'send_email', template: 'day-1', next: 'wait' },
          { id: 'wait', type: 'wait', duration: 'PT2S', next: 'opened' },
          { id: 'opened', type: 'condition', check: { kind: 'opened' }, yes: 'thanks', no: 'nudge' },
          { id: 'thanks', type: 'send_email', template: 'helpful-1', next: null },
          { id: 'nudge', type: 'send_email', template: 'classic-2', next: null },
        ],
      };
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, flow);
      const s = await abandonCart(cb.api, writeKey); // $788: the vip branch
      const [first] = await eventually('first email', async () => to(s.email).length >= 1 && to(s.email));
      await cb.api.get((first!.html as string).match(/src="([^"]*\/o\/[^"]+)"/)![1]!); // the shopper opens it
      await eventually('second email', async () => to(s.email).length >= 2);
      const steps = (await cb.api.admin('GET', `/stores/${storeId}/stats`)).body.flows.find((f: { flowId: string }) => f.flowId === flowId).steps;
      assert.deepEqual(steps.map((x: { nodeId: string }) => x.nodeId).sort(), ['thanks', 'vip']);
    });

    test('holdout: entrants in the control group get nothing and are counted', async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, threeStepFlow('All holdout', { holdout: 100 }));
      const s = await abandonCart(cb.api, writeKey);
      await eventually('the run to end', async () => (await timelineOf(storeId, s.email)).timeline.find((e) => e.kind === 'run' && e.data.exit_reason === 'holdout'));
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: s.anonymousId, event: 'Order Completed', properties: { order_id: randomUUID(), total: 50 } }, writeKey);
      const flow = (await cb.api.admin('GET', `/stores/${storeId}/stats`)).body.flows.find((f: { flowId: string }) => f.flowId === flowId);
      assert.equal(to(s.email).length, 0);
      assert.deepEqual(flow.holdout, { entered: 1, converted: 1, conversionRate: 1, revenue: 5000, revenuePerEntrant: 5000 });
      assert.equal(flow.treated.entered, 0);
    });

    test('A/B: variant weights decide the template, and the variant is reported', async () => {
      const flow = threeStepFlow('AB', { wait1: 'PT1H' });
      flow.nodes = flow.nodes.map((n) => (n.id === 'email-1' ? { ...n, variants: [{ id: 'a', template: 'helpful-1', weight: 0 }, { id: 'b', template: 'classic-1', weight: 1 }] } : n)) as typeof flow.nodes;
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, flow);
      const s = await abandonCart(cb.api, writeKey);
      await eventually('first email', async () => to(s.email).length >= 1);
      const steps = (await cb.api.admin('GET', `/stores/${storeId}/stats`)).body.flows.find((f: { flowId: string }) => f.flowId === flowId).steps;
      assert.deepEqual(steps.map((x: { nodeId: string; variant: string; sent: number }) => [x.nodeId, x.variant, x.sent]), [['email-1', 'b', 1]]);
    });
  });
}

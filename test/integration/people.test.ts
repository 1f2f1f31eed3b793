/**
 * Carts and contacts as the admin app lists them, and a contact's timeline that says why each
 * message went out or did not, through the admin API on both databases.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

type Entry = { kind: string; summary: string; data: { node_id?: string; why?: Array<Record<string, unknown>> } };

for (const dialect of DIALECTS) {
  describe(`carts, contacts and timelines on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    test('carts and contacts can be searched by email, name, status and value', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Lists', { wait1: 'PT1H' }));
      const a = await abandonCart(cb.api, writeKey, { email: 'mei.lin@shopper.test' });
      await abandonCart(cb.api, writeKey, { email: 'jo_100%@shopper.test' });
      const carts = async (q: string) => (await cb.api.admin('GET', `/stores/${storeId}/carts?${q}`)).body as Array<{ external_id: string; email: string | null; value: number }>;
      assert.deepEqual((await carts('q=MEI.')).map((c) => c.email), ['mei.lin@shopper.test']);
      assert.deepEqual((await carts(`q=${a.cartId}`)).map((c) => c.external_id), [a.cartId]);
      assert.deepEqual((await carts('q=jo_1')).map((c) => c.email), ['jo_100%@shopper.test'], '_ is literal');
      assert.equal((await carts('q=jo%25')).length, 0, '% is literal, not a wildcard');
      assert.equal((await carts('minValue=78800&maxValue=78800')).length, 2);
      assert.equal((await carts('minValue=78801')).length, 0);
      await eventually('both carts abandoned', async () => (await carts('status=abandoned')).length === 2);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/carts?status=lost`)).status, 400);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/carts?from=yesterday`)).body.error.code, 'invalid_query');

      const contacts = async (q: string) => ((await cb.api.admin('GET', `/stores/${storeId}/contacts?${q}`)).body as Array<{ email: string }>).map((c) => c.email).sort();
      assert.deepEqual(await contacts('q=MEI.L'), ['mei.lin@shopper.test'], 'email prefix, case-insensitive');
      assert.equal((await contacts('q=MEI')).length, 2, 'both shoppers are called Mei (first name, any case)');
      assert.deepEqual(await contacts('status=unsubscribed'), []);
      assert.equal((await contacts('simulated=false')).length, 2);
    });

    test('the timeline explains each message: flow and version, waits, checks, and what stopped a step', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Explained', { wait1: 'PT1S' }), { frequencyCap: { max: 1, per: 'P1D' } });
      const shopper = await abandonCart(cb.api, writeKey);
      const contact = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(shopper.email)}`)).body[0];
      const timeline = await eventually('the second step to be skipped by the cap', async () => {
        const t = (await cb.api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Entry[];
        return t.some((e) => e.kind === 'message_skipped') && t;
      });
      const run = timeline.find((e) => e.kind === 'run')!;
      assert.match(run.summary, /entered flow "Explained" at version 1/);
      const sent = timeline.find((e) => e.kind === 'message_sent')!;
      assert.deepEqual(sent.data.why!.map((w) => w.code), ['entered_flow', 'checks_passed', 'delivery']);
      assert.equal(sent.data.why![0]!.flowName, 'Explained');
      const skipped = timeline.find((e) => e.kind === 'message_skipped')!;
      assert.equal(skipped.data.node_id, 'email-2');
      assert.deepEqual(skipped.data.why!.map((w) => w.code), ['entered_flow', 'waited', 'checks_passed', 'stopped']);
      assert.deepEqual(skipped.data.why![1], { code: 'waited', node: 'wait-1', duration: 'PT1S' });
      assert.deepEqual(skipped.data.why!.at(-1), { code: 'stopped', check: 'frequency_cap' });
      assert.ok((skipped.data.why![2]!.checks as string[]).includes('consent'), 'what passed before the cap');
    });

    test('a send postponed by quiet hours shows in the timeline with the time it waits for', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Quiet'), { quietHours: { start: '00:00', end: '23:59' }, timezone: 'UTC' });
      const shopper = await abandonCart(cb.api, writeKey, { timezone: 'UTC' });
      const contact = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(shopper.email)}`)).body[0];
      const postponed = await eventually('the postponement', async () => ((await cb.api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Entry[]).find((e) => e.kind === 'postponed'));
      assert.match(postponed.summary, /email-1 postponed \(quiet_hours\) until/);
      assert.equal(cb.to(shopper.email).length, 0);
    });
  });
}

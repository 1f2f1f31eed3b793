/**
 * What the flow builder relies on, through the admin API on both databases: ready templates,
 * validation without saving (each problem with its node), versions, live per-node counts, and
 * deleting only a flow that never enrolled anyone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`flows API on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    test('ready templates can be imported as they are', async () => {
      const templates = (await cb.api.admin('GET', '/flow-templates')).body as Array<{ key: string; name: string; definition: object }>;
      assert.deepEqual(templates.map((t) => t.key), ['helpful-two-step', 'classic-three-step', 'day-based']);
      const store = (await cb.api.admin('POST', '/stores', { name: 'Template shop', templates: false })).body;
      const made = await cb.api.admin('POST', `/stores/${store.id}/flows`, { ...templates[1]!.definition, name: 'My classic' });
      assert.equal(made.status, 201);
      assert.equal(made.body.status, 'draft');
    });

    test('validate lists every problem with its node and saves nothing', async () => {
      const { storeId, flowId } = await storeWithFlow(cb.api);
      const draft = threeStepFlow();
      (draft.nodes[2] as { template: string }).template = 'no-such-template';
      draft.nodes.push({ id: 'orphan', type: 'wait', duration: 'PT1M', next: 'end' });
      (draft.nodes[3] as { duration: string }).duration = 'soon';
      const r = await cb.api.admin('POST', `/stores/${storeId}/flows/validate`, draft);
      assert.equal(r.status, 200);
      assert.equal(r.body.valid, false);
      assert.ok(r.body.problems.some((p: { node?: string }) => p.node === 'wait-1'), 'the bad duration, at its node');
      const fixed = threeStepFlow();
      (fixed.nodes[2] as { template: string }).template = 'no-such-template';
      fixed.nodes.push({ id: 'orphan', type: 'wait', duration: 'PT1M', next: 'end' });
      const graph = (await cb.api.admin('POST', `/stores/${storeId}/flows/validate`, fixed)).body.problems as Array<{ node?: string; message: string }>;
      assert.deepEqual(graph.map((p) => p.node).sort(), ['email-1', 'orphan']);
      assert.deepEqual((await cb.api.admin('POST', `/stores/${storeId}/flows/validate`, threeStepFlow())).body, { valid: true, problems: [] });
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}/flows/${flowId}/versions`)).body.map((v: { version: number }) => v.version), [1], 'nothing saved');
    });

    test('versions: a new draft version leaves the live one in place', async () => {
      const { storeId, flowId } = await storeWithFlow(cb.api);
      assert.equal((await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}`, threeStepFlow('Test three-step', { wait1: 'PT1M' }))).status, 200);
      const versions = (await cb.api.admin('GET', `/stores/${storeId}/flows/${flowId}/versions`)).body;
      assert.deepEqual(versions.map((v: { version: number; live: boolean }) => [v.version, v.live]), [[2, false], [1, true]]);
    });

    test('counts show where runs wait and what each step sent; a flow with runs cannot be deleted', async () => {
      const { storeId, writeKey, flowId } = await storeWithFlow(cb.api, threeStepFlow('Counted', { wait1: 'PT1H' }));
      await abandonCart(cb.api, writeKey);
      await abandonCart(cb.api, writeKey);
      const counts = await eventually('two runs waiting after the first email', async () => {
        const c = (await cb.api.admin('GET', `/stores/${storeId}/flows/${flowId}/counts`)).body;
        return c.nodes['email-2']?.waiting === 2 && c;
      });
      assert.equal(counts.nodes['email-1'].sent, 2);
      assert.equal(counts.entered, 2);
      assert.equal(counts.outcomes.active, 2);
      const del = await cb.api.admin('DELETE', `/stores/${storeId}/flows/${flowId}`);
      assert.equal(del.status, 409);
      assert.equal(del.body.error.code, 'conflict');
      const unused = (await cb.api.admin('POST', `/stores/${storeId}/flows`, threeStepFlow('Never used'))).body;
      assert.equal((await cb.api.admin('DELETE', `/stores/${storeId}/flows/${unused.id}`)).status, 204);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/flows/${unused.id}`)).status, 404);
    });
  });
}

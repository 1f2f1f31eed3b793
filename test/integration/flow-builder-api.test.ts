/**
 * What the visual builder adds to the flows API, on both databases: names stay unique per store
 * (creating or renaming onto a taken name is a 409 that says so, never a version added to another
 * flow nor a 500), and a half-built node is told about its own field only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`flow builder API on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('create=true refuses a name in use; without it an import adds a version, as before', async () => {
      const { storeId, flowId } = await storeWithFlow(cb.api, threeStepFlow('Taken'));
      const clash = await cb.api.admin('POST', `/stores/${storeId}/flows?create=true&publish=true`, threeStepFlow('Taken', { wait1: 'PT9M' }));
      assert.equal(clash.status, 409);
      assert.equal(clash.body.error.code, 'conflict');
      assert.match(clash.body.error.message, /"Taken" exists already/);
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}/flows/${flowId}/versions`)).body.map((v: { version: number }) => v.version), [1], 'nothing added to the existing flow');
      const fresh = await cb.api.admin('POST', `/stores/${storeId}/flows?create=true`, threeStepFlow('Fresh'));
      assert.equal(fresh.status, 201);
      assert.equal(fresh.body.status, 'draft');
      assert.equal((await cb.api.admin('POST', `/stores/${storeId}/flows`, threeStepFlow('Taken'))).body.id, flowId, 'import by name still versions the flow');
    });

    test('renaming a flow onto another flow\'s name is a conflict; keeping its own name is fine', async () => {
      const { storeId, flowId } = await storeWithFlow(cb.api, threeStepFlow('First'));
      assert.equal((await cb.api.admin('POST', `/stores/${storeId}/flows`, threeStepFlow('Second'))).status, 201);
      const clash = await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}`, threeStepFlow('Second'));
      assert.equal(clash.status, 409);
      assert.equal(clash.body.error.code, 'conflict');
      assert.equal((await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}`, threeStepFlow('First'))).status, 200);
      assert.equal((await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}`, threeStepFlow('First, renamed'))).body.name, 'First, renamed');
    });

    test('validate names the field a half-built node is missing', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const draft = threeStepFlow();
      (draft.nodes[2] as { template: string }).template = '';
      const r = await cb.api.admin('POST', `/stores/${storeId}/flows/validate`, draft);
      assert.deepEqual(r.body, { valid: false, problems: [{ node: 'email-1', message: '/nodes/2/template must not have fewer than 1 characters' }] });
    });
  });
}

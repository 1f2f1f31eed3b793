/**
 * Invariant 7 for flow definitions: shrunk counterexamples of test/properties/flows.test.ts, kept
 * as plain cases. Each was accepted into a state the database or the engine could not keep.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { threeStepFlow } from '../fixtures/flows.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

for (const dialect of DIALECTS) {
  describe(`hostile flow definitions on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    const store = async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Flows ${randomUUID().slice(0, 8)}`, templates: false });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };

    test('a flow name with a NUL character: 400 invalid_flow, nothing saved (was a 500 on PostgreSQL)', async () => {
      const storeId = await store();
      const r = await cb.api.admin('POST', `/stores/${storeId}/flows?publish=true`, threeStepFlow('a\u0000b'));
      assert.deepEqual([r.status, r.body.error?.code], [400, 'invalid_flow'], JSON.stringify(r.body));
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}/flows`)).body, []);
    });

    test('a wait of P99999999999999W: 400 invalid_flow naming the node (its due time cannot be stored)', async () => {
      const storeId = await store();
      const r = await cb.api.admin('POST', `/stores/${storeId}/flows?publish=true`, threeStepFlow('Forever', { wait1: 'P99999999999999W' }));
      assert.deepEqual([r.status, r.body.error?.code], [400, 'invalid_flow'], JSON.stringify(r.body));
      assert.ok(r.body.error.details.some((p: { node?: string }) => p.node === 'wait-1'), JSON.stringify(r.body.error.details));
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}/flows`)).body, []);
    });
  });
}

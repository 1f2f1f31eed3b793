/**
 * Invariant 7 over flow definitions, by property (fast-check): random graphs (random node types,
 * links to nowhere, loops, unknown fields, huge or malformed waits, odd names) through import
 * (`POST …/flows`, with and without ?publish and ?create), a new version (`PUT …/flows/:id`) and
 * the validate endpoint. Each is 201/200 or 400 invalid_flow with problems (409 conflict for a
 * taken name), never a 5xx; validate and import agree; a refused import changes no flow, version
 * or live version. Replay a failure with FC_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { threeStepFlow } from '../fixtures/flows.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { fcParams, flowDefinition } from './arbitraries.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a flow import may answer besides 201 (src/kernel/errors.ts). */
const FLOW_CODES: Record<string, number> = { invalid_flow: 400, invalid_body: 400, invalid_json: 400, conflict: 409 };

const TEN_YEARS = 3650 * 86_400_000;
/** ISO 8601 duration in ms, as README's "Flows" describes them (weeks, days, hours, minutes, seconds). */
function durationMs(d: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(d);
  if (!m) return NaN;
  const [, w, dd, h, min, sec] = m.map((x) => Number(x ?? 0));
  return ((w! * 7 + dd!) * 86400 + h! * 3600 + min! * 60 + sec!) * 1000;
}

for (const dialect of DIALECTS) {
  describe(`flow definition properties on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    let storeId: string;
    let flowId: string;

    /** Everything a refused import must leave as it was: every flow, its status, versions and live version. */
    const state = async () => {
      const flows = (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/flows`)).body;
      const versions = Number((await cb.running.services.database.db.selectFrom('flow_versions').innerJoin('flows', 'flows.id', 'flow_versions.flow_id').select((eb) => eb.fn.countAll().as('n')).where('flows.store_id', '=', storeId).executeTakeFirstOrThrow()).n);
      return { flows: flows.map((f) => [f.id, f.name, f.status, f.liveVersion, f.latestVersion]).sort(), versions };
    };

    test('a store with a flow to add versions to', async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Flows ${randomUUID().slice(0, 8)}`, templates: false });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      storeId = r.body.id;
      const f = await cb.api.admin('POST', `/stores/${storeId}/flows?publish=true`, threeStepFlow('Base flow'));
      assert.equal(f.status, 201, JSON.stringify(f.body));
      flowId = f.body.id;
    });

    test('any definition: validate and import agree; 201 or 400 invalid_flow with problems; a refusal changes nothing', async () => {
      const how = fc.constantFrom('import', 'import?publish=true', 'import?create=true', 'put', 'put?publish=true');
      await fc.assert(
        fc.asyncProperty(flowDefinition, how, async (def, via) => {
          const validated = await cb.api.admin('POST', `/stores/${storeId}/flows/validate`, def);
          assert.ok(validated.status < 500, `validate: never a 5xx: ${validated.status} ${JSON.stringify(validated.body).slice(0, 300)}`);
          const before = await state();
          const [path, query] = via.split('?');
          const r = path === 'put'
            ? await cb.api.admin('PUT', `/stores/${storeId}/flows/${flowId}${query ? `?${query}` : ''}`, def)
            : await cb.api.admin('POST', `/stores/${storeId}/flows${query ? `?${query}` : ''}`, def);
          const after = await state();
          assert.ok(r.status < 500, `never a 5xx: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          if (validated.status === 200) {
            assert.equal(validated.body.valid, validated.body.problems.length === 0);
            if (!validated.body.valid) assert.ok(r.status >= 400, 'what validate refuses, import refuses');
            if (validated.body.valid && r.status >= 400) assert.equal(r.body.error.code, 'conflict', `what validate accepts, import accepts (or the name is taken): ${JSON.stringify(r.body).slice(0, 300)}`);
          } else {
            assert.ok(['invalid_body', 'invalid_json'].includes(validated.body.error?.code), JSON.stringify(validated.body).slice(0, 300));
          }
          if (r.status < 300) {
            assert.equal(after.versions, before.versions + 1, 'one new version');
            for (const n of (def as { nodes: Row[] }).nodes) {
              for (const d of [n.type === 'wait' ? n.duration : undefined, n.discount?.validFor]) {
                if (typeof d === 'string' && d !== 'today') assert.ok(durationMs(d) >= 1000 && durationMs(d) <= TEN_YEARS, `a published duration fits a due time: ${d}`);
              }
            }
            return;
          }
          const code = r.body?.error?.code as string | undefined;
          assert.ok(code && FLOW_CODES[code] === r.status, `a documented code with its status: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          if (code === 'invalid_flow') assert.ok(Array.isArray(r.body.error.details) && r.body.error.details.length > 0, 'every problem listed');
          assert.deepEqual(after, before, `a refused import publishes and saves nothing (${code})`);
        }),
        fcParams(120),
      );
    });
  });
}

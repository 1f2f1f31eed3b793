/** Store settings through the admin API, on every database. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

for (const dialect of DIALECTS) {
  describe(`store settings on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('changing one setting keeps every other one', async () => {
      const created = await cb.api.admin('POST', '/stores', { name: 'Settings shop', templates: false, settings: { postalAddress: '9 Harbour Road, Hong Kong', captureEmail: true, currency: 'HKD' } });
      const id = created.body.id as string;
      const patched = await cb.api.admin('PATCH', `/stores/${id}`, { settings: { abandonAfter: 'PT5M' } });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      const s = (await cb.api.admin('GET', `/stores/${id}`)).body.settings;
      assert.deepEqual([s.abandonAfter, s.postalAddress, s.captureEmail, s.currency], ['PT5M', '9 Harbour Road, Hong Kong', true, 'HKD']);
    });

    test('a bad setting is refused with its path and nothing changes', async () => {
      const id = (await cb.api.admin('POST', '/stores', { name: 'Strict shop', templates: false })).body.id as string;
      const r = await cb.api.admin('PATCH', `/stores/${id}`, { settings: { abandonAfter: '30 minutes', quietHours: { start: '25:00', end: '08:00' } } });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'invalid_body');
      assert.equal((await cb.api.admin('GET', `/stores/${id}`)).body.settings.abandonAfter, 'PT30M');
      const unknown = await cb.api.admin('PATCH', `/stores/${id}`, { settings: { abandonAftr: 'PT1M' } });
      assert.equal(unknown.status, 400, 'a misspelt setting is not silently ignored');
    });
  });
}

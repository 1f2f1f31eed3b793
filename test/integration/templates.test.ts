/** A store's own template versions through the admin API, on every database. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`templates on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });

    test('a broken template is refused with its line; a saved one is what the flow sends', async () => {
      const store = await cb.api.admin('POST', '/stores', { name: 'Tpl shop', templates: false, settings: { abandonAfter: 'PT1S', postalAddress: '1 Template Lane, Springfield', emailConsent: 'opt_out' } });
      const storeId = store.body.id as string;
      const base = await cb.api.admin('GET', `/stores/${storeId}/templates/helpful-1/en`);
      assert.equal(base.status, 200);
      assert.equal(base.body.builtIn, true);

      const broken = base.body.mjml.replace('<mj-title>', '<mj-title>{% if contact.first_name %}Hi');
      const refused = await cb.api.admin('PUT', `/stores/${storeId}/templates/my-reminder/en`, { mjml: broken, text: base.body.text });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'invalid_template');
      const titleLine = (base.body.mjml as string).split('\n').findIndex((l) => l.includes('<mj-title>')) + 1;
      assert.ok(refused.body.error.details.some((p: { line?: number }) => p.line === titleLine), JSON.stringify(refused.body.error.details));

      const mine = base.body.mjml.replace(/<mj-title>.*<\/mj-title>/, '<mj-title>Your {{ cart.item_count }} items are waiting at {{ store.name }}</mj-title>');
      const saved = await cb.api.admin('PUT', `/stores/${storeId}/templates/my-reminder/en`, { mjml: mine, text: base.body.text });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, 1);

      const preview = await cb.api.admin('POST', `/stores/${storeId}/templates/my-reminder/en/preview`);
      assert.match(preview.body.subject, /items are waiting at/);
      assert.match(preview.body.html, /<html/);

      const flow = threeStepFlow('Custom', { wait1: 'PT1H' });
      flow.nodes = flow.nodes.map((n) => (n.id === 'email-1' ? { ...n, template: 'my-reminder' } : n)) as typeof flow.nodes;
      const imported = await cb.api.admin('POST', `/stores/${storeId}/flows?publish=true`, flow);
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      const { writeKey } = (await cb.api.admin('POST', `/stores/${storeId}/write-key`)).body;
      const s = await abandonCart(cb.api, writeKey);
      const mail = await eventually('the custom email', async () => cb.smtp.messages.find((m) => (m.to as { text: string }).text === s.email));
      assert.equal(mail.subject, 'Your 3 items are waiting at Tpl shop');
    });

    test('a flow naming a template that does not exist cannot be imported', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const flow = threeStepFlow('Missing template');
      flow.nodes = flow.nodes.map((n) => (n.id === 'email-2' ? { ...n, template: 'nowhere' } : n)) as typeof flow.nodes;
      const r = await cb.api.admin('POST', `/stores/${storeId}/flows?publish=true`, flow);
      assert.equal(r.status, 400);
      assert.deepEqual(r.body.error.details, [{ node: 'email-2', message: 'template "nowhere" does not exist' }]);
    });
  });
}

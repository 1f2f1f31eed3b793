/**
 * Every marketing message shows a visible unsubscribe link and the store's postal address, on both
 * databases: a store without an address sends none (each step skipped with `no_postal_address`,
 * explained in the timeline); a template that lacks either is refused when saved; one that got in
 * before the rule (or hides them for some carts) is skipped at send time. What is sent carries
 * them in both parts, with the RFC 8058 headers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileTemplate } from '../../src/channels/email/compile.ts';
import { insertTemplateVersion } from '../../src/store/queries/templates.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const ADDRESS = '12 Harbour Lane\nKowloon, Hong Kong';

for (const dialect of DIALECTS) {
  describe(`unsubscribe link and postal address on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const db = () => cb.running.services.database.db;
    const messagesOf = async (storeId: string, email: string) => {
      const c = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`)).body[0];
      return c ? db().selectFrom('messages').selectAll().where('contact_id', '=', c.id).orderBy('created_at').execute() : [];
    };

    test('a store without a postal address sends no marketing email, and the timeline says why', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('No address', { wait1: 'PT1S', wait2: 'PT1S' }), { postalAddress: '  ' });
      const s = await abandonCart(cb.api, writeKey);
      const skipped = await eventually('every step skipped', async () => {
        const m = await messagesOf(storeId, s.email);
        return m.length === 3 && m;
      });
      assert.deepEqual(skipped.map((m) => [m.node_id, m.status, m.reason]), [['email-1', 'skipped', 'no_postal_address'], ['email-2', 'skipped', 'no_postal_address'], ['email-3', 'skipped', 'no_postal_address']]);
      assert.equal(cb.to(s.email).length, 0);
      const contact = (await cb.api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(s.email)}`)).body[0];
      const timeline = (await cb.api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Array<{ kind: string; data: { why?: Array<{ code: string; check?: string }> } }>;
      const why = timeline.find((e) => e.kind === 'message_skipped')?.data.why ?? [];
      assert.ok(why.some((r) => r.code === 'stopped' && r.check === 'no_postal_address'), JSON.stringify(why));

      await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { postalAddress: ADDRESS } });
      const next = await abandonCart(cb.api, writeKey);
      const mail = await eventually('the email once the address is set', async () => cb.to(next.email)[0]);
      const html = mail.html as string;
      const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
      const unsubscribe = /<(http[^>]+\/u\/[^>]+)>/.exec(header('list-unsubscribe'))?.[1];
      assert.ok(unsubscribe, 'List-Unsubscribe names the one-click link');
      assert.match(header('list-unsubscribe-post'), /: List-Unsubscribe=One-Click$/);
      assert.ok(html.includes(`href="${unsubscribe}"`), 'a visible unsubscribe link in the HTML');
      assert.ok(mail.text!.includes(unsubscribe), 'and in the text part');
      for (const line of ADDRESS.split('\n')) {
        assert.ok(html.includes(line), `the HTML shows "${line}"`);
        assert.ok(mail.text!.includes(line), `the text shows "${line}"`);
      }
    });

    test('a template without the unsubscribe link or the address is refused when saved', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const path = `/stores/${storeId}/templates/my-footer/en`;
      const base = (await cb.api.admin('GET', `/stores/${storeId}/templates/helpful-1/en`)).body as { mjml: string; text: string };
      const noLink = base.mjml.replace(/<a href="\{\{ links\.unsubscribe \}\}"[^>]*>[^<]*<\/a>/, '');
      assert.notEqual(noLink, base.mjml);
      const refused = await cb.api.admin('PUT', path, { mjml: noLink, text: base.text });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'invalid_template');
      assert.match(refused.body.error.message, /unsubscribe link/);
      const hidden = await cb.api.admin('PUT', path, { mjml: base.mjml.replace('{% if store.postal_address %}<br>', '{% if false %}<br>'), text: base.text });
      assert.equal(hidden.status, 400, 'an address that never renders does not count');
      assert.match(hidden.body.error.message, /postal address/);
      const noText = await cb.api.admin('PUT', path, { mjml: base.mjml, text: base.text.replace(/\{\{ links\.unsubscribe \}\}/, '') });
      assert.equal(noText.status, 400);
      assert.match(noText.body.error.message, /text part has no unsubscribe link/);
      assert.equal((await cb.api.admin('PUT', path, { mjml: base.mjml, text: base.text })).status, 200, 'the built-in as it is passes');
    });

    test('a template saved before the rule, without a footer, is not sent', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Old template', { wait1: 'PT1H' }), { postalAddress: ADDRESS });
      const source = { mjml: '<mjml><mj-head><mj-title>Your cart</mj-title></mj-head><mj-body><mj-section><mj-column><mj-text>Come back: <a href="{{ links.restore }}">cart</a></mj-text></mj-column></mj-section></mj-body></mjml>', text: 'Come back: {{ links.restore }}' };
      const compiled = await compileTemplate('helpful-1', 'en', source);
      await insertTemplateVersion(db(), { store_id: storeId, key: 'helpful-1', locale: 'en', subject: compiled.subject, preheader: compiled.preheader, mjml: source.mjml, html: compiled.html, text: source.text, created_at: Date.now() });
      const s = await abandonCart(cb.api, writeKey);
      const first = await eventually('the first step', async () => (await messagesOf(storeId, s.email))[0]);
      assert.deepEqual([first.status, first.reason], ['skipped', 'template_incomplete']);
      assert.equal(cb.to(s.email).length, 0);
    });
  });
}

/**
 * Invariant 7 over store templates, by property (fast-check): a real template source with Liquid
 * or MJML fragments put into its subject, body or text (unbalanced tags, unknown filters and
 * variables, includes of files, huge loops and ranges, string doubling, deep nesting, odd bytes)
 * through save (PUT …/templates/:key/:locale) and preview. Each is saved (200) or refused with 400
 * invalid_template, never a 5xx, and answered within seconds (Liquid runs with render, memory and
 * parse limits); a refused save stores no version; a saved one previews. Replay with FC_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { fcParams, templateEdit } from './arbitraries.ts';

const TEMPLATE_CODES: Record<string, number> = { invalid_template: 400, invalid_body: 400 };
/** Far above a real save (MJML compile and two sample renders: tens of ms), far below a hang. */
const BOUND_MS = 10_000;

function edit(source: { mjml: string; text: string }, where: string, fragment: string): { mjml: string; text: string } {
  switch (where) {
    case 'title': return { ...source, mjml: source.mjml.replace('<mj-title>', `<mj-title>${fragment}`) };
    case 'preview': return { ...source, mjml: source.mjml.replace('<mj-preview>', `<mj-preview>${fragment}`) };
    case 'text': return { ...source, text: `${fragment}\n${source.text}` };
    case 'replace-all': return { mjml: fragment, text: fragment };
    default: return { ...source, mjml: source.mjml.replace(/(<mj-text[^>]*>)/, `$1${fragment}`) };
  }
}

for (const dialect of DIALECTS) {
  describe(`template properties on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    let storeId: string;
    let base: { mjml: string; text: string };
    const versions = async () => Number((await cb.running.services.database.db.selectFrom('templates').select((eb) => eb.fn.countAll().as('n')).where('store_id', '=', storeId).executeTakeFirstOrThrow()).n);
    const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = Date.now();
      const r = await fn();
      assert.ok(Date.now() - t0 < BOUND_MS, `${what} answered within ${BOUND_MS} ms (took ${Date.now() - t0})`);
      return r;
    };

    test('a store and a real template source', async () => {
      const r = await cb.api.admin('POST', '/stores', { name: `Tpl ${randomUUID().slice(0, 8)}`, templates: false, settings: { postalAddress: '1 Template Lane, Springfield' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      storeId = r.body.id;
      const src = await cb.api.admin('GET', `/stores/${storeId}/templates/helpful-1/en`);
      assert.equal(src.status, 200);
      base = { mjml: src.body.mjml, text: src.body.text };
    });

    test('any edit: saved or 400 invalid_template, never a 5xx, always bounded; a refusal stores nothing; what is saved previews', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(templateEdit, { minLength: 1, maxLength: 2 }), fc.constantFrom('prop-tpl', 'helpful-1'), async (edits, key) => {
          const source = edits.reduce((s, e) => edit(s, e.where, e.fragment), base);
          const preview = await timed('preview', () => cb.api.admin('POST', `/stores/${storeId}/templates/${key}/en/preview`, source));
          assert.ok(preview.status === 200 || TEMPLATE_CODES[preview.body?.error?.code] === preview.status, `preview: 200 or a stable 4xx: ${preview.status} ${JSON.stringify(preview.body).slice(0, 300)}`);
          const before = await versions();
          const r = await timed('save', () => cb.api.admin('PUT', `/stores/${storeId}/templates/${key}/en`, source));
          const after = await versions();
          assert.ok(r.status < 500, `never a 5xx: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          if (r.status === 200) {
            assert.equal(after, before + 1, 'one new version');
            const saved = await timed('preview of the saved', () => cb.api.admin('POST', `/stores/${storeId}/templates/${key}/en/preview`));
            assert.equal(saved.status, 200, `what is saved renders with the sample: ${JSON.stringify(saved.body).slice(0, 300)}`);
            return;
          }
          assert.ok(TEMPLATE_CODES[r.body?.error?.code] === r.status, `a documented code with its status: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          assert.equal(after, before, 'a refused template stores no version');
        }),
        fcParams(60),
      );
    });
  });
}

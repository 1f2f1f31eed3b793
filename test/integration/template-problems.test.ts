/**
 * What the template editor needs from a refused template, on every database: each problem names
 * the source it counts in (`part`: the MJML document or the text) and the line there, also when
 * Liquid only fails while rendering (strict variables), where its own line counts in compiled
 * HTML nobody wrote. A template that does not render with the sample is not saved. A preview's
 * links (also a test email's) lead to pages that say they are previews.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

interface Problem { part?: string; line?: number; message: string }
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

for (const dialect of DIALECTS) {
  describe(`template problems on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('problems name their part and the line in that part; a template that does not render is not saved', async () => {
      const store = await cb.api.admin('POST', '/stores', { name: 'Lines shop', templates: false });
      const path = `/stores/${store.body.id as string}/templates/helpful-1/en`;
      const base = (await cb.api.admin('GET', path)).body as { mjml: string; text: string };
      const intro = lineOf(base.mjml, 'We noticed');
      assert.ok(intro > 0);

      // A parse error in the MJML source: its own line.
      const unclosed = base.mjml.replace('We noticed', '{% if contact.first_name %}We noticed');
      const parse = await cb.api.admin('POST', `${path}/preview`, { mjml: unclosed, text: base.text });
      assert.equal(parse.status, 400);
      assert.deepEqual((parse.body.error.details as Problem[]).map((p) => [p.part, p.line]), [['mjml', intro]]);

      // A misspelt variable fails only when rendering the compiled HTML: found back in the source.
      const misspelt = base.mjml.replace('We noticed you', 'We noticed {{ contact.frist_name }}, you');
      const render = await cb.api.admin('POST', `${path}/preview`, { mjml: misspelt, text: base.text });
      assert.equal(render.status, 400);
      assert.equal(render.body.error.code, 'invalid_template');
      const [problem] = render.body.error.details as Problem[];
      assert.deepEqual([problem?.part, problem?.line], ['mjml', intro]);
      assert.match(problem!.message, /undefined variable: contact\.frist_name/);
      assert.doesNotMatch(problem!.message, /line:\d+/, 'no line number of the compiled HTML');

      // In the text part, the line counts in the text.
      const text = `${base.text}\n{{ links.unsubscrib }}`;
      const inText = await cb.api.admin('POST', `${path}/preview`, { mjml: base.mjml, text });
      assert.deepEqual((inText.body.error.details as Problem[]).map((p) => [p.part, p.line]), [['text', text.split('\n').length]]);

      // Saving checks the rendering too: nothing is stored.
      const refused = await cb.api.admin('PUT', path, { mjml: misspelt, text: base.text });
      assert.equal(refused.status, 400);
      assert.equal((refused.body.error.details as Problem[])[0]?.line, intro);
      const after = await cb.api.admin('GET', path);
      assert.equal(after.body.builtIn, true);
      assert.equal(after.body.version, null);

      const saved = await cb.api.admin('PUT', path, { mjml: base.mjml.replace('We noticed', 'We saw'), text: base.text });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, 1);
    });

    test("a preview's links lead to pages that say they are previews", async () => {
      const store = await cb.api.admin('POST', '/stores', { name: 'Links shop', templates: false });
      const preview = await cb.api.admin('POST', `/stores/${store.body.id as string}/templates/helpful-1/en/preview`);
      const restore = /href="([^"]*\/preview\/restore)"/.exec(preview.body.html as string)?.[1];
      assert.ok(restore, 'the button leads to the restore preview page');
      const page = await cb.api.get(restore);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /This is a preview/);
      assert.equal((await cb.api.get('/preview/unsubscribe')).status, 200);
      assert.equal((await cb.api.get('/preview/open.gif')).status, 204);
    });
  });
}

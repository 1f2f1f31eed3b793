import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileTemplate, TemplateError, type TemplateSource } from './compile.ts';
import { renderEmail } from './render.ts';
import { sampleContext } from './sample.ts';

const VALID: TemplateSource = {
  mjml: `<mjml>
  <mj-head>
    <mj-title>Your cart at {{ store.name }}</mj-title>
    <mj-preview>Still there?</mj-preview>
  </mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>Total: {{ cart.total | money }}</mj-text>
      <mj-button href="{{ links.restore }}">Back to cart</mj-button>
    </mj-column></mj-section>
  </mj-body>
</mjml>`,
  text: 'Total: {{ cart.total | money }}\n{{ links.restore }}',
};

async function problemsOf(source: TemplateSource): Promise<TemplateError> {
  try {
    await compileTemplate('custom', 'en', source);
  } catch (err) {
    assert.ok(err instanceof TemplateError, `expected TemplateError, got ${String(err)}`);
    assert.ok(err.problems.length > 0 && err.message.length > 0);
    return err;
  }
  assert.fail('expected compileTemplate to throw');
}

test('a valid custom template compiles to HTML that still holds its Liquid', async () => {
  const t = await compileTemplate('custom', 'en', VALID);
  assert.equal(t.key, 'custom');
  assert.equal(t.locale, 'en');
  assert.equal(t.subject, 'Your cart at {{ store.name }}');
  assert.equal(t.preheader, 'Still there?');
  assert.match(t.html, /^<!doctype html>/i);
  assert.ok(t.html.includes('href="{{ links.restore }}"'));
  assert.equal(t.text, VALID.text);
  assert.match(t.version, /^[0-9a-f]{12}$/);
});

test('the version follows the source', async () => {
  const a = await compileTemplate('custom', 'en', VALID);
  const b = await compileTemplate('other', 'zh-CN', VALID);
  const c = await compileTemplate('custom', 'en', { ...VALID, text: `${VALID.text}\n` });
  assert.equal(a.version, b.version);
  assert.notEqual(a.version, c.version);
});

test('broken MJML is rejected with the line of the problem', async () => {
  const broken = VALID.mjml.replace('<mj-text>Total', '<mj-txt>Total').replace('</mj-text>', '</mj-txt>');
  const err = await problemsOf({ ...VALID, mjml: broken });
  assert.ok(err.problems.some((p) => p.line === 8 && /mj-txt/.test(p.message)), JSON.stringify(err.problems));
  assert.match(err.message, /line 8/);

  const notMjml = await problemsOf({ ...VALID, mjml: 'Hello {{ contact.email }}' });
  assert.match(notMjml.message, /MJML/);
});

test('Liquid that does not parse is rejected, pointing at the source line', async () => {
  const unclosed = await problemsOf({ ...VALID, mjml: VALID.mjml.replace('Total:', '{% if discount %}Total:') });
  assert.ok(unclosed.problems.some((p) => p.line === 8 && /not closed/.test(p.message)), JSON.stringify(unclosed.problems));

  const badFilter = await problemsOf({ ...VALID, text: 'ok\n{{ cart.total | moneyy }}' });
  assert.deepEqual(badFilter.problems.map((p) => p.line), [2]);
  assert.match(badFilter.message, /undefined filter: moneyy/);

  const badSubject = await problemsOf({ ...VALID, mjml: VALID.mjml.replace('{{ store.name }}', '{{ store.name') });
  assert.ok(badSubject.problems.some((p) => p.line === 3), JSON.stringify(badSubject.problems));
});

test('a template without a subject line is rejected', async () => {
  const err = await problemsOf({ ...VALID, mjml: VALID.mjml.replace(/<mj-title>.*<\/mj-title>/, '') });
  assert.match(err.message, /mj-title/);
});

test('custom templates cannot pull files from the server', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-email-'));
  const secret = path.join(dir, 'secret.mjml');
  fs.writeFileSync(secret, '<mj-section><mj-column><mj-text>SECRET-7731</mj-text></mj-column></mj-section>');
  try {
    const t = await compileTemplate('custom', 'en', {
      mjml: VALID.mjml.replace('<mj-section>', `<mj-include path="${secret}" /><mj-section>`),
      // A plain Liquid engine would happily include this from the working directory.
      text: "{% include 'package.json' %}",
    });
    assert.ok(!t.html.includes('SECRET-7731'), 'mj-include is not followed');
    await assert.rejects(renderEmail(t, sampleContext('en')), /Failed to lookup "package\.json"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Shrunk counterexamples of test/properties/templates.test.ts.
test('a source with a NUL character is refused at compile, naming the line (PostgreSQL answered the save with a 500)', async () => {
  const nul = { ...VALID, mjml: VALID.mjml.replace('<mj-title>', '<mj-title>\u0000') };
  await assert.rejects(compileTemplate('nul', 'en', nul), (err: unknown) => err instanceof TemplateError && err.problems[0]?.line === 3 && /NUL/.test(err.problems[0].message));
  await assert.rejects(compileTemplate('nul', 'en', { ...VALID, text: 'Hi\u0000' }), TemplateError);
});

test('a render is bounded: a huge range, nested loops and string doubling fail fast instead of taking the process down', async () => {
  for (const costly of [
    '{% for i in (1..100000000) %}x{% endfor %}',
    '{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}',
    '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
  ]) {
    const t = await compileTemplate('costly', 'en', { ...VALID, text: costly });
    const t0 = Date.now();
    await assert.rejects(renderEmail(t, sampleContext('en')), /limit exceeded/, costly);
    assert.ok(Date.now() - t0 < 5000, `bounded: ${costly}`);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSnippet, SNIPPET_BUDGET_GZIP } from './build.ts';

test('the snippet is one self-contained file within its size budget', async () => {
  const { code, gzipBytes } = await buildSnippet();
  assert.ok(gzipBytes <= SNIPPET_BUDGET_GZIP, `${gzipBytes} bytes gzipped, budget ${SNIPPET_BUDGET_GZIP}`);
  assert.doesNotMatch(code, /\bimport\s|require\(/, 'no module loading at run time');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_KEYS, LOCALES, builtInTemplate } from './built-in.ts';
import { footerProblems } from './footer.ts';
import { renderEmail } from './render.ts';
import { sampleContext } from './sample.ts';

test('every built-in template in every locale shows the unsubscribe link and the postal address', async () => {
  for (const locale of LOCALES) {
    const sample = sampleContext(locale);
    for (const key of BUILT_IN_KEYS) {
      for (const discount of [sample.discount, null]) {
        const rendered = await renderEmail((await builtInTemplate(key, locale))!, { ...sample, discount });
        assert.deepEqual(footerProblems(rendered, { unsubscribe: sample.links.unsubscribe, postalAddress: sample.store.postal_address! }), [], `${key} ${locale}`);
      }
    }
  }
});

test('what does not count: a comment, a link elsewhere, an address only in part', () => {
  const needs = { unsubscribe: 'https://x.test/u/abc?t=1&s=2', postalAddress: '1 Main St\nSpringfield' };
  const text = 'Unsubscribe: https://x.test/u/abc?t=1&s=2\n1 Main St\nSpringfield';
  const ok = '<p>1 Main St<br>Springfield</p><a href="https://x.test/u/abc?t=1&amp;s=2">Unsubscribe</a>';
  assert.deepEqual(footerProblems({ html: ok, text }, needs), []);
  assert.equal(footerProblems({ html: `<!-- ${ok} -->`, text }, needs).length, 2, 'commented out');
  assert.match(footerProblems({ html: '<p>1 Main St</p><a href="https://x.test/u/abc?t=1&amp;s=2">u</a>', text }, needs)[0]!.message, /postal address/);
  assert.match(footerProblems({ html: ok, text: '1 Main St Springfield' }, needs)[0]!.message, /text part has no unsubscribe/);
  assert.deepEqual(footerProblems({ html: ok.replace('<p>1 Main St<br>Springfield</p>', ''), text }, { ...needs, postalAddress: '' }), [], 'no address to show: only the link is needed');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney } from '../../kernel/money.ts';
import { builtInTemplate } from './built-in.ts';
import { compileTemplate } from './compile.ts';
import { renderEmail, type EmailContext } from './render.ts';
import { sampleContext } from './sample.ts';

const XSS = '<script>alert(1)</script>';

function withItemName(ctx: EmailContext, name: string): EmailContext {
  const [first, ...rest] = ctx.cart.items;
  return { ...ctx, cart: { ...ctx.cart, items: [{ ...first!, name }, ...rest] } };
}

/** A minimal custom template, the way a store would write one in the editor. */
function custom(body: string, text = 'Hi {{ contact.email }}'): { mjml: string; text: string } {
  return {
    mjml: `<mjml>
  <mj-head><mj-title>Hello {{ contact.first_name }}</mj-title><mj-preview>{{ store.name }}</mj-preview></mj-head>
  <mj-body><mj-section><mj-column><mj-text>${body}</mj-text></mj-column></mj-section></mj-body>
</mjml>`,
    text,
  };
}

test('shopper-controlled text is escaped in the HTML part and left alone in the text part', async () => {
  const ctx = withItemName(sampleContext('en'), XSS);
  const email = await renderEmail((await builtInTemplate('classic-1', 'en'))!, ctx);
  assert.ok(!email.html.includes(XSS), 'no live script tag');
  assert.ok(email.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown as text');
  assert.ok(email.text.includes(XSS), 'plain text is not HTML-escaped');
});

test('a quote in a value cannot break out of an attribute', async () => {
  const ctx = withItemName(sampleContext('en'), 'Tee" onerror="alert(1)');
  const email = await renderEmail((await builtInTemplate('classic-1', 'en'))!, ctx);
  assert.ok(!email.html.includes('" onerror="'));
  assert.ok(email.html.includes('alt="Tee&#34; onerror=&#34;alert(1)"'));
});

test('the postal address keeps its line breaks in HTML, escaped', async () => {
  const ctx = sampleContext('en');
  const address = 'Unit <4>\nSpringfield';
  const email = await renderEmail((await builtInTemplate('day-1', 'en'))!, { ...ctx, store: { ...ctx.store, postal_address: address } });
  assert.ok(email.html.includes('Unit &lt;4&gt;<br />\nSpringfield'));
  assert.ok(email.text.includes(address));
});

test('subject and preheader are single lines, not HTML-escaped', async () => {
  const ctx = sampleContext('en');
  const t = await compileTemplate('custom', 'en', {
    mjml: `<mjml><mj-head><mj-title>
      {% if contact.first_name %}{{ contact.first_name }} &amp; co{% endif %}
    </mj-title><mj-preview>Tom &amp; Jerry's</mj-preview></mj-head>
    <mj-body><mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section></mj-body></mjml>`,
    text: 'x',
  });
  const email = await renderEmail(t, { ...ctx, contact: { ...ctx.contact, first_name: 'Ann <A>' } });
  assert.equal(email.subject, 'Ann <A> & co');
  assert.equal(email.preheader, "Tom & Jerry's");
});

test('money is formatted in the cart currency and the render locale', async () => {
  const t = await compileTemplate('custom', 'en', custom('{{ cart.total | money }} / {{ 1999 | money: "EUR" }}', '{{ cart.total | money }}'));
  const ctx = sampleContext('en');
  const email = await renderEmail(t, { ...ctx, locale: 'de-DE', cart: { ...ctx.cart, currency: 'JPY', total: 1500 } });
  const yen = formatMoney(1500, 'JPY', 'de-DE');
  assert.match(yen, /^1\.500\s¥$/u, 'German grouping, no minor digits for yen');
  assert.ok(email.html.includes(yen));
  assert.ok(email.html.includes(formatMoney(1999, 'EUR', 'de-DE')));
  assert.equal(email.text, `${yen}\n`);
});

test('an unknown variable in a custom template fails the render instead of sending a blank', async () => {
  const t = await compileTemplate('custom', 'en', custom('Hi {{ contact.nickname }}'));
  await assert.rejects(renderEmail(t, sampleContext('en')), /undefined variable: contact\.nickname/);
  const inText = await compileTemplate('custom', 'en', custom('ok', '{{ cart.coupon }}'));
  await assert.rejects(renderEmail(inText, sampleContext('en')), /undefined variable: cart\.coupon/);
});

test('null optional values render as nothing rather than tripping strict mode', async () => {
  const t = await compileTemplate('custom', 'en', custom('[{{ discount.code }}][{{ contact.first_name }}]'));
  const ctx = sampleContext('en');
  const email = await renderEmail(t, { ...ctx, discount: null, contact: { ...ctx.contact, first_name: null } });
  assert.ok(email.html.includes('[][]'));
  assert.equal(email.subject, 'Hello');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney } from '../../kernel/money.ts';
import { BUILT_IN_KEYS, LOCALES, builtInSource, builtInTemplate, pickLocale } from './built-in.ts';
import { renderEmail, type EmailContext, type RenderedEmail } from './render.ts';
import { sampleContext } from './sample.ts';

/** What liquidjs's `escape` does to a value placed in the HTML part. */
const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

async function render(key: string, locale: string, ctx: EmailContext): Promise<RenderedEmail> {
  const template = await builtInTemplate(key, locale);
  assert.ok(template, `${key}/${locale} exists`);
  return renderEmail(template, ctx);
}

/** The essentials a shopper must see, in either part; `esc` adapts values to the part's escaping. */
function assertEssentials(body: string, ctx: EmailContext, esc: (s: string) => string, where: string): void {
  const money = (minor: number) => formatMoney(minor, ctx.cart.currency, ctx.locale);
  for (const item of ctx.cart.items) {
    assert.ok(body.includes(esc(item.name)), `${where}: item name ${item.name}`);
    assert.ok(body.includes(`${item.quantity} × ${money(item.price)}`), `${where}: quantity and unit price of ${item.name}`);
    assert.ok(body.includes(money(item.line_total)), `${where}: line total of ${item.name}`);
  }
  assert.ok(body.includes(money(ctx.cart.total)), `${where}: cart total`);
  assert.ok(body.includes(esc(ctx.links.restore)), `${where}: restore link`);
  assert.ok(body.includes(esc(ctx.links.unsubscribe)), `${where}: unsubscribe link`);
  for (const line of (ctx.store.postal_address ?? '').split('\n')) assert.ok(body.includes(esc(line)), `${where}: postal address`);
  assert.ok(!/\b(undefined|null|NaN)\b/.test(body), `${where}: no leaked undefined/null/NaN`);
}

for (const locale of LOCALES) {
  for (const key of BUILT_IN_KEYS) {
    test(`${key} (${locale}) renders everything the shopper needs, with and without a discount`, async () => {
      const withDiscount = sampleContext(locale);
      const code = withDiscount.discount!.code;
      for (const ctx of [withDiscount, { ...withDiscount, discount: null }]) {
        const where = `${key}/${locale} ${ctx.discount ? 'with' : 'without'} discount`;
        const email = await render(key, locale, ctx);
        assert.ok(email.subject.length > 0 && !email.subject.includes('{'), `${where}: subject`);
        assert.ok(email.preheader.length > 0, `${where}: preheader`);
        assertEssentials(email.html, ctx, escapeHtml, `${where} html`);
        assertEssentials(email.text, ctx, (s) => s, `${where} text`);
        assert.ok(email.html.includes(`<img src="${escapeHtml(ctx.links.open)}" width="1" height="1" alt="">`), `${where}: open pixel`);
        assert.ok(email.html.includes(`href="${escapeHtml(ctx.links.restore)}"`), `${where}: restore button`);
        assert.ok(email.html.includes(`href="mailto:${ctx.store.support_email}"`), `${where}: support email`);
        assert.ok(email.html.includes(`href="${ctx.store.support_url}"`), `${where}: support url`);
        for (const item of ctx.cart.items) assert.ok(email.html.includes(`src="${item.image_url}"`), `${where}: image`);
        for (const part of [email.html, email.text]) assert.equal(part.includes(code), ctx.discount !== null, `${where}: discount code`);
      }
    });
  }
}

test('templates use the first name when there is one, and read naturally when there is not', async () => {
  for (const locale of LOCALES) {
    const ctx = sampleContext(locale);
    const anonymous = { ...ctx, contact: { ...ctx.contact, first_name: null } };
    for (const key of BUILT_IN_KEYS) {
      const named = await render(key, locale, ctx);
      assert.ok(named.subject.includes(ctx.contact.first_name!), `${key}/${locale}: ${named.subject}`);
      const plain = await render(key, locale, anonymous);
      assert.match(plain.subject, /^[^\s,，:：]/u, `${key}/${locale}: "${plain.subject}" starts cleanly`);
      assert.ok(!plain.text.startsWith(',') && !plain.text.startsWith('，'), `${key}/${locale}: greeting`);
    }
  }
});

// Characters that exist in only one of the two scripts; mixing them is the typical conversion slip.
const SIMPLIFIED_ONLY = [...'车购们这优时间务门货库结账运费码请问题联订单为处还发现会给让买欢谢实价选说礼额邮满减经样见热着几'];
const TRADITIONAL_ONLY = [...'車購們這優時間務門貨庫結帳運費碼請問題聯訂單為處還發現會給讓買歡謝實價選說禮額郵滿減經樣見熱幾裡後'];

test('Chinese templates are written in Chinese, each in its own script', async () => {
  const scripts = { 'zh-CN': { cart: '购物车', foreign: TRADITIONAL_ONLY }, 'zh-TW': { cart: '購物車', foreign: SIMPLIFIED_ONLY } };
  for (const [locale, { cart, foreign }] of Object.entries(scripts)) {
    for (const key of BUILT_IN_KEYS) {
      const email = await render(key, locale, sampleContext(locale));
      assert.match(email.subject, /\p{Script=Han}{4,}/u, `${key}/${locale}: Chinese subject`);
      const all = [email.subject, email.preheader, email.html, email.text].join('\n');
      assert.ok(all.includes(cart), `${key}/${locale}: says ${cart}`);
      const slips = foreign.filter((ch) => all.includes(ch));
      assert.deepEqual(slips, [], `${key}/${locale}: characters from the other script`);
    }
  }
});

test('the discount block says what the code gives for every kind', async () => {
  const ctx = sampleContext('en');
  const cases = [
    [{ kind: 'percent', value: 15 }, '15% off your order'],
    [{ kind: 'amount', value: 500 }, '$5.00 off your order'],
    [{ kind: 'free_shipping', value: 0 }, 'Free shipping on your order'],
  ] as const;
  for (const [offer, wording] of cases) {
    const email = await render('classic-3', 'en', { ...ctx, discount: { ...ctx.discount!, ...offer } });
    assert.ok(email.html.includes(wording) && email.text.includes(wording), wording);
    assert.ok(email.html.includes(ctx.discount!.expires_at), 'expiry shown');
  }
  const zh = await render('classic-3', 'zh-CN', sampleContext('zh-CN'));
  assert.ok(zh.text.includes('9 折'), '10% off reads as 9 折 in Chinese');
});

test('optional store details disappear cleanly when missing', async () => {
  const ctx = sampleContext('en');
  const bare: EmailContext = {
    ...ctx,
    store: { ...ctx.store, support_email: null, support_url: null, postal_address: null },
    cart: { ...ctx.cart, items: ctx.cart.items.map((i) => ({ ...i, image_url: null, url: null, sku: null })) },
  };
  const email = await render('helpful-1', 'en', bare);
  assert.ok(!email.html.includes('mailto:') && !email.html.includes(ctx.store.support_url!));
  assert.ok(!email.text.includes("Questions? We're happy to help."));
  assert.ok(!email.html.includes('images.example'));
  assert.ok(email.html.includes(ctx.cart.items[0]!.name));
});

test('built-in sources are self-contained and compiled once per process', async () => {
  const source = builtInSource('day-3', 'zh-TW');
  assert.ok(source);
  assert.ok(!/\[\[|<!-- @/.test(source.mjml + source.text), 'no unfilled slots or strings');
  assert.equal(await builtInTemplate('day-3', 'zh-TW'), await builtInTemplate('day-3', 'zh-TW'));
  assert.equal(builtInSource('no-such-template', 'en'), undefined);
  assert.equal(await builtInTemplate('helpful-1', 'fr'), undefined);
});

test('pickLocale maps language tags onto the three locales', () => {
  const cases: Array<[string | null | undefined, string, string]> = [
    ['zh', 'en', 'zh-CN'], ['zh-Hans', 'en', 'zh-CN'], ['zh_CN', 'en', 'zh-CN'], ['zh-SG', 'en', 'zh-CN'], ['zh-Hans-HK', 'en', 'zh-CN'],
    ['zh-Hant', 'en', 'zh-TW'], ['zh-HK', 'en', 'zh-TW'], ['zh-TW', 'en', 'zh-TW'], ['zh-MO', 'en', 'zh-TW'], ['zh_hant_tw', 'en', 'zh-TW'],
    ['en-GB', 'zh-CN', 'en'], ['EN', 'zh-TW', 'en'],
    ['fr-FR', 'zh-TW', 'zh-TW'], [null, 'zh-Hant', 'zh-TW'], [undefined, 'zh', 'zh-CN'], ['', 'en', 'en'], ['de', 'fr', 'en'],
  ];
  for (const [requested, fallback, expected] of cases) assert.equal(pickLocale(requested, fallback), expected, `${requested} (fallback ${fallback})`);
});

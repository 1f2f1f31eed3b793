/**
 * What the settings and template pages rely on, through the admin API on both databases: secrets
 * are never shown back, a store's own SMTP server carries its mail, the mail check, key rotation,
 * the "events received" check, and template previews and test sends.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { startSmtp, type SmtpSink } from '../harness/smtp.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { getStore, sealPlainSecrets } from '../../src/store/queries/stores.ts';

for (const dialect of DIALECTS) {
  describe(`store settings on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    let own: SmtpSink;
    before(async () => {
      own = await startSmtp();
    });
    after(async () => own?.close());

    test('secrets are masked in every answer; sending the mask back keeps them', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const patched = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { shopifyWebhookSecret: 'shpss_verysecretvalue1234', smtpUrl: 'smtp://user:pa55word@mail.example:2525' } });
      assert.equal(patched.status, 200);
      for (const body of [patched.body, (await cb.api.admin('GET', `/stores/${storeId}`)).body, (await cb.api.admin('GET', '/stores')).body]) {
        const text = JSON.stringify(body);
        assert.ok(!text.includes('verysecret') && !text.includes('pa55word'), text);
      }
      assert.equal(patched.body.settings.shopifyWebhookSecret, '••••••1234');
      assert.match(patched.body.settings.smtpUrl, /^smtp:\/\/user:.+@mail\.example:2525$/);
      // The settings page sends everything back, masks included: the secrets must survive that.
      const again = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { ...patched.body.settings, currency: 'EUR' } });
      assert.equal(again.body.settings.currency, 'EUR');
      // At rest the secrets are sealed: the database holds neither; the store, read back, has both.
      const raw = (await cb.running.services.database.db.selectFrom('stores').select('settings').where('id', '=', storeId).executeTakeFirstOrThrow()).settings;
      assert.ok(!raw.includes('verysecret') && !raw.includes('pa55word'), raw);
      assert.match(JSON.parse(raw).shopifyWebhookSecret, /^sealed:v1:/);
      const store = await getStore(cb.running.services.database.db, storeId);
      assert.equal(store.settings.shopifyWebhookSecret, 'shpss_verysecretvalue1234');
      assert.equal(store.settings.smtpUrl, 'smtp://user:pa55word@mail.example:2525');
      assert.equal((await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { smtpUrl: 'ftp://nope' } })).body.error.code, 'invalid_body');
    });

    test('a secret written before sealing existed is sealed at the next start', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const db = cb.running.services.database.db;
      const row = await db.selectFrom('stores').select('settings').where('id', '=', storeId).executeTakeFirstOrThrow();
      await db.updateTable('stores').set({ settings: JSON.stringify({ ...JSON.parse(row.settings), woocommerceWebhookSecret: 'plain-old-secret' }) }).where('id', '=', storeId).execute();
      assert.equal(await sealPlainSecrets(db), 1);
      const raw = (await db.selectFrom('stores').select('settings').where('id', '=', storeId).executeTakeFirstOrThrow()).settings;
      assert.ok(!raw.includes('plain-old-secret'));
      assert.equal((await getStore(db, storeId)).settings.woocommerceWebhookSecret, 'plain-old-secret');
    });

    test('a time zone or currency that does not exist is refused, naming the setting; nothing changes', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const bad = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { timezone: 'Mars/Phobos', currency: 'XYZ', senderName: 'Changed' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_body');
      assert.ok(bad.body.error.details.some((d: string) => d.startsWith('/timezone')), JSON.stringify(bad.body.error.details));
      assert.ok(bad.body.error.details.some((d: string) => d.startsWith('/currency')), JSON.stringify(bad.body.error.details));
      const after = (await cb.api.admin('GET', `/stores/${storeId}`)).body.settings;
      assert.deepEqual([after.timezone, after.senderName], ['UTC', ''], 'not half applied');
      assert.equal((await cb.api.admin('POST', '/stores', { name: 'Nowhere', settings: { timezone: 'Nowhere/Town' } })).status, 400);
    });

    test("the default discount for new discount steps: ten percent for three days, changeable, checked like a step's", async () => {
      const { storeId } = await storeWithFlow(cb.api);
      assert.deepEqual((await cb.api.admin('GET', `/stores/${storeId}`)).body.settings.discountDefault, { kind: 'percent', value: 10, validFor: 'P3D' });
      const set = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { discountDefault: { kind: 'amount', value: 5, validFor: 'today' } } });
      assert.deepEqual(set.body.settings.discountDefault, { kind: 'amount', value: 5, validFor: 'today' });
      const bad = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { discountDefault: { kind: 'percent', value: 10, validFor: 'soon' } } });
      assert.equal(bad.body.error.code, 'invalid_body');
    });

    test("a store with its own SMTP server sends through it; the mail check tells whether it answers", async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api);
      assert.deepEqual((await cb.api.admin('POST', `/stores/${storeId}/mail/verify`)).body.ok, true);
      await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { smtpUrl: own.url } });
      const shopper = await abandonCart(cb.api, writeKey);
      await eventually('the email at the store\'s own server', async () => own.messages.find((m) => (m.to as { text: string }).text === shopper.email));
      assert.equal(cb.to(shopper.email).length, 0, 'not through the instance server');
      await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { smtpUrl: 'smtp://127.0.0.1:9' } });
      const down = (await cb.api.admin('POST', `/stores/${storeId}/mail/verify`)).body;
      assert.equal(down.ok, false);
      assert.match(down.error, /ECONNREFUSED|connect/i);
    });

    test('a rotated public key works at once and the old one stops', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const old = (await cb.api.admin('GET', `/stores/${storeId}`)).body.publicKey;
      const { publicKey } = (await cb.api.admin('POST', `/stores/${storeId}/public-key`)).body;
      assert.notEqual(publicKey, old);
      assert.equal((await cb.api.get(`/v1/p/config?key=${publicKey}`)).status, 200);
      assert.notEqual((await cb.api.get(`/v1/p/config?key=${old}`)).status, 200);
    });

    test('activity shows what arrived lately and from where', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/activity`)).body.lastEventAt, null);
      await cb.api.ingest('/track', { messageId: randomUUID(), anonymousId: 'a1', event: 'Product Viewed', properties: { sku: 'X' } }, writeKey);
      const a = (await cb.api.admin('GET', `/stores/${storeId}/activity`)).body;
      assert.equal(a.lastHour, 1);
      assert.deepEqual(a.recent.map((e: { name: string; source: string }) => [e.name, e.source]), [['Product Viewed', 'server']]);
    });

    test('previews use the store and a sample or real cart; a test send arrives marked [Test]', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, undefined, { postalAddress: '9 Harbour Road, Hong Kong' });
      await cb.api.admin('PATCH', `/stores/${storeId}`, { name: 'Harbour Cameras' });
      const sample = (await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-2/en/preview`)).body;
      assert.match(sample.html, /Harbour Cameras/);
      assert.match(sample.html, /9 Harbour Road/);
      assert.match(sample.html, /THANKS-7KQ2X/, 'a sample discount code');
      assert.doesNotMatch((await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-2/en/preview?discount=false`)).body.html, /THANKS-7KQ2X/);
      await abandonCart(cb.api, writeKey);
      const cart = (await cb.api.admin('GET', `/stores/${storeId}/carts`)).body[0];
      const real = (await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-1/en/preview?cartId=${cart.id}`)).body;
      assert.match(real.html, /Carbon Travel Tripod/);
      assert.equal((await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-1/en/preview?cartId=not-a-cart`)).status, 404);

      const to = `owner-${randomUUID().slice(0, 6)}@shop.test`;
      assert.equal((await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-1/en/test`, { to: 'not an address' })).body.error.code, 'invalid_body');
      const sent = await cb.api.admin('POST', `/stores/${storeId}/templates/helpful-1/en/test?cartId=${cart.id}`, { to });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const mail = await eventually('the test email', async () => cb.to(to)[0]);
      assert.match(mail.subject ?? '', /^\[Test\] /);
      assert.match(mail.html as string, /Carbon Travel Tripod/);
      assert.doesNotMatch(mail.html as string, /\/r\/[A-Za-z0-9_-]{20,}/, 'no working restore link in a test');
    });
  });
}

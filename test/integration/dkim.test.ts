/**
 * DKIM on both databases: mail received by a real SMTP server verifies with mailauth against the
 * public key a stub resolver publishes (no network), with the store's own key or else the instance's
 * (CARTBACK_DKIM_*); the signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), and
 * a changed body or unsubscribe header no longer verifies. A key that cannot sign is refused when it
 * is set. The dev mailbox keeps the signed message's headers.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import type { ParsedMail } from 'mailparser';
import { dkimPublicKey } from '../../src/kernel/dkim-key.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rsa = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const INSTANCE = { domain: 'mail.cartback.test', selector: 'cb2026', key: rsa() };
const STORE = { domain: 'lumen-optics.test', selector: 'shop1', key: rsa() };

/** DNS as the domains would publish it: <selector>._domainkey.<domain> TXT "v=DKIM1; k=rsa; p=…". */
const published = new Map([INSTANCE, STORE].map((k) => [`${k.selector}._domainkey.${k.domain}`, `v=DKIM1; k=rsa; p=${dkimPublicKey(k.key)}`]));
const resolver = async (name: string, type: string) => {
  const txt = type === 'TXT' ? published.get(name) : undefined;
  if (!txt) throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
  return [[txt]];
};
const verify = async (raw: Buffer | string) => (await dkimVerify(raw, { resolver: resolver as never })).results;
const signedHeaders = (raw: Buffer) => /\bh=([^;]+);/.exec(raw.toString('latin1').replace(/\r?\n[ \t]+/g, ''))?.[1]?.split(':').map((h) => h.trim().toLowerCase()) ?? [];

for (const dialect of DIALECTS) {
  describe(`DKIM signing on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true, env: { CARTBACK_DKIM_DOMAIN: INSTANCE.domain, CARTBACK_DKIM_SELECTOR: INSTANCE.selector, CARTBACK_DKIM_PRIVATE_KEY: INSTANCE.key } });
    const firstMail = async (settings: object = {}): Promise<ParsedMail> => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('DKIM', { wait1: 'PT1H' }), settings);
      const { email } = await abandonCart(cb.api, writeKey, { email: `${randomUUID()}@shopper.test` });
      return eventually('the first email', async () => cb.to(email)[0]);
    };

    test("a store without its own key signs with the instance's; the signature verifies and covers the unsubscribe headers", async () => {
      const raw = cb.smtp.raw(await firstMail());
      const results = await verify(raw);
      assert.equal(results.length, 1, 'one signature');
      assert.equal(results[0]!.status.result, 'pass', JSON.stringify(results[0]));
      assert.equal(results[0]!.signingDomain, INSTANCE.domain);
      assert.equal(results[0]!.selector, INSTANCE.selector);
      const h = signedHeaders(raw);
      for (const name of ['from', 'to', 'subject', 'date', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']) assert.ok(h.includes(name), `${name} is signed: h=${h.join(':')}`);
    });

    test("a store's own key signs its mail; a changed body or List-Unsubscribe-Post no longer verifies", async () => {
      const raw = cb.smtp.raw(await firstMail({ dkimDomain: STORE.domain, dkimSelector: STORE.selector, dkimPrivateKey: STORE.key }));
      const [good] = await verify(raw);
      assert.deepEqual([good!.status.result, good!.signingDomain, good!.selector], ['pass', STORE.domain, STORE.selector]);
      const text = raw.toString('latin1');
      const bodyAt = text.indexOf('\r\n\r\n');
      const tamperedBody = text.slice(0, bodyAt) + text.slice(bodyAt).replace(/Mei/, 'Mai');
      assert.notEqual(tamperedBody, text, 'the greeting names the shopper');
      assert.notEqual((await verify(tamperedBody))[0]!.status.result, 'pass', 'a changed body fails');
      const tamperedHeader = text.replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Later');
      assert.notEqual(tamperedHeader, text);
      assert.notEqual((await verify(tamperedHeader))[0]!.status.result, 'pass', 'List-Unsubscribe-Post is covered by the signature');
    });

    test('a key that cannot sign is refused when it is set, naming the setting; the key is never shown back', async () => {
      const { storeId } = await storeWithFlow(cb.api);
      const set = (settings: object) => cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { dkimDomain: STORE.domain, dkimSelector: STORE.selector, ...settings } });
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
      const broken = STORE.key.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
      for (const key of ['-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n', broken, ec, rsa(512), 'hello']) {
        const r = await set({ dkimPrivateKey: key });
        assert.deepEqual([r.status, r.body.error?.code], [400, 'invalid_dkim_key'], JSON.stringify(r.body));
        assert.match(r.body.error.message, /dkimPrivateKey/);
      }
      const partial = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { dkimDomain: STORE.domain } });
      assert.deepEqual([partial.status, partial.body.error?.code], [400, 'invalid_body'], 'domain, selector and key go together');
      const ok = await set({ dkimPrivateKey: STORE.key });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.ok(!JSON.stringify(ok.body).includes('PRIVATE KEY'), 'masked');
      const again = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { ...ok.body.settings, currency: 'EUR' } });
      assert.equal(again.status, 200, 'the mask sent back keeps the key');
      const off = await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { dkimDomain: '', dkimSelector: '', dkimPrivateKey: '' } });
      assert.equal(off.status, 200, 'and all three can be cleared');
    });
  });

  describe(`DKIM in the dev mailbox on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    test('the mailbox keeps the signed message: its DKIM-Signature is there to read', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('DKIM mailbox', { wait1: 'PT1H' }), { dkimDomain: STORE.domain, dkimSelector: STORE.selector, dkimPrivateKey: STORE.key });
      await abandonCart(cb.api, writeKey, {});
      const [mail] = await eventually('the mail in the mailbox', async () => {
        const list = (await cb.api.admin<Row[]>('GET', `/stores/${storeId}/mailbox`)).body;
        return list.length ? list : undefined;
      });
      const signature = String(mail!.headers['dkim-signature'] ?? '');
      assert.match(signature, new RegExp(`d=${STORE.domain.replace(/\./g, '\\.')};`));
      assert.match(signature, /s=shop1;/);
      assert.match(signature.replace(/\s+/g, ''), /h=[^;]*list-unsubscribe-post/i);
    });
  });
}

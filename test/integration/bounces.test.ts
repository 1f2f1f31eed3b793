/**
 * Bounce and complaint reports (POST /v1/webhooks/bounces/:storeId) on both databases, shaped as
 * Amazon SES through SNS, Postmark and the generic JSON send them: forged, unsigned or unconfigured
 * deliveries change nothing; a hard bounce suppresses the address and its next step is never sent;
 * a complaint also unsubscribes; a soft bounce changes nothing; a report Cartback cannot read is a
 * 400 and nothing of it is applied; a repeated delivery suppresses nothing more. SNS's own signature
 * is checked with a certificate made here (the network hook stands in for AWS).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac, createSign, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { snsNetwork, stringToSign, type SnsEnvelope } from '../../src/channels/email/bounces/sns.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SECRET = 'bounce-secret-5f8e90ef0123';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem';
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-bounces';

/** An AWS-like SNS signing key and certificate (openssl), fetched through the network hook. */
let signingKey = '';
let certificate = '';
const visited: string[] = [];
const realGet = snsNetwork.get;
before(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-sns-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=sns.amazonaws.com', '-days', '2'], { stdio: 'ignore' });
  signingKey = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
  certificate = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  snsNetwork.get = async (url: string) => {
    visited.push(url);
    if (url === CERT_URL) return certificate;
    if (url.includes('Action=ConfirmSubscription')) return '<ConfirmSubscriptionResponse/>';
    throw new Error(`no network in tests: ${url}`);
  };
});
after(() => {
  snsNetwork.get = realGet;
});

/** An SNS envelope around an SES notification, signed as SNS signs (SignatureVersion 2). */
function sns(message: object | string, o: { type?: string; tamper?: boolean } = {}): SnsEnvelope {
  const type = o.type ?? 'Notification';
  const m: SnsEnvelope = {
    Type: type, MessageId: randomUUID(), TopicArn: TOPIC, Message: typeof message === 'string' ? message : JSON.stringify(message), Timestamp: new Date().toISOString(),
    SignatureVersion: '2', SigningCertURL: CERT_URL,
    ...(type === 'SubscriptionConfirmation' ? { Token: 'tok-123', SubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=tok-123` } : {}),
  };
  m.Signature = createSign('RSA-SHA256').update(stringToSign(m), 'utf8').sign(signingKey, 'base64');
  if (o.tamper) m.Message = m.Message.replace('Permanent', 'Transient');
  return m;
}

const sesBounce = (emails: string[], bounceType = 'Permanent') => ({
  notificationType: 'Bounce',
  bounce: { bounceType, bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull', bouncedRecipients: emails.map((emailAddress) => ({ emailAddress, action: 'failed', status: '5.1.1' })), timestamp: new Date().toISOString(), feedbackId: randomUUID() },
  mail: { timestamp: new Date().toISOString(), source: 'shop@lumen.test', messageId: randomUUID(), destination: emails },
});
const postmarkComplaint = (email: string) => ({ RecordType: 'SpamComplaint', MessageStream: 'outbound', ID: 42, Type: 'SpamComplaint', TypeCode: 512, Email: email, From: 'shop@lumen.test', BouncedAt: new Date().toISOString(), Inactive: true });
const postmarkBounce = (email: string, type: string) => ({ RecordType: 'Bounce', MessageStream: 'outbound', ID: 43, Type: type, TypeCode: type === 'HardBounce' ? 1 : 4096, Email: email, BouncedAt: new Date().toISOString() });

for (const dialect of DIALECTS) {
  describe(`bounce and complaint webhook on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const db = () => cb.running.services.database.db;

    type Auth = { basic?: string; signature?: string | 'hmac'; secret?: string } | null;
    const deliver = async (storeId: string, body: string | object, auth: Auth = { basic: SECRET }) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' };
      if (auth?.basic !== undefined) headers.authorization = `Basic ${Buffer.from(`cartback:${auth.basic}`).toString('base64')}`;
      if (auth?.signature === 'hmac') headers['x-cartback-signature'] = createHmac('sha256', auth.secret ?? SECRET).update(text).digest('base64');
      else if (auth?.signature) headers['x-cartback-signature'] = auth.signature;
      const res = await fetch(`${cb.env.base}/v1/webhooks/bounces/${storeId}`, { method: 'POST', body: text, headers });
      return { status: res.status, body: (await res.json()) as Row };
    };
    const ok = async (...args: Parameters<typeof deliver>) => {
      const r = await deliver(...args);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    /** A store whose flow has sent its first step to a shopper and waits an hour before the next. */
    const mailedShopper = async (settings: object = { bounceWebhookSecret: SECRET }) => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Bounces', { wait1: 'PT1H' }), settings);
      const { email } = await abandonCart(cb.api, writeKey, { email: `${randomUUID()}@shopper.test` });
      await eventually('the first email', async () => cb.to(email).length === 1);
      const contact = await db().selectFrom('contacts').selectAll().where('store_id', '=', storeId).where('email', '=', email).executeTakeFirstOrThrow();
      return { storeId, email, contact };
    };
    const contactNow = (id: string) => db().selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const runsOf = (contactId: string) => db().selectFrom('runs').selectAll().where('contact_id', '=', contactId).execute();
    /** The next step's wait is an hour: make it due now, as if the hour had passed. */
    const hurry = (contactId: string) => db().updateTable('runs').set({ due_at: Date.now() }).where('contact_id', '=', contactId).where('state', '=', 'active').execute();
    const unchanged = async (id: string) => {
      const c = await contactNow(id);
      assert.deepEqual([c.suppressed_at, c.unsubscribed_at], [null, null]);
      assert.deepEqual((await runsOf(id)).map((r) => r.state), ['active']);
    };

    test('forged, unsigned or unconfigured deliveries are refused and change nothing', async () => {
      const { storeId, email, contact } = await mailedShopper();
      const report = { type: 'bounce', email };
      const refused = [
        await deliver(storeId, report, null),
        await deliver(storeId, report, { basic: 'not-the-secret' }),
        await deliver(storeId, report, { basic: '' }),
        await deliver(storeId, report, { signature: 'hmac', secret: 'not-the-secret' }),
        await deliver(storeId, report, { signature: createHmac('sha256', SECRET).update(JSON.stringify({ type: 'complaint', email })).digest('base64') }), // signed for another body
        await deliver(storeId, sns(sesBounce([email]), { tamper: true })), // the store's secret, but SNS's signature fails
      ];
      for (const r of refused) assert.deepEqual([r.status, r.body.error?.code], [401, 'invalid_signature'], JSON.stringify(r.body));
      const bare = await mailedShopper({});
      const r = await deliver(bare.storeId, { type: 'bounce', email: bare.email }, { basic: '' });
      assert.deepEqual([r.status, r.body.error?.code], [401, 'invalid_signature'], 'no secret set: nothing gets in, not even an empty password');
      const missing = await deliver('no-such-store', report);
      assert.deepEqual([missing.status, missing.body.error?.code], [404, 'store_not_found']);
      await unchanged(contact.id);
      await unchanged(bare.contact.id);
      assert.deepEqual(await ok(storeId, report, { signature: 'hmac' }), { success: true, format: 'generic', reports: 1, suppressed: 1 }, 'and the genuine one is taken');
    });

    test('an SES hard bounce (SNS) suppresses the address: its flow ends and the next step is never sent; a repeat does nothing more', async () => {
      const { storeId, email, contact } = await mailedShopper();
      const delivery = sns(sesBounce([email.toUpperCase()]));
      assert.deepEqual(await ok(storeId, JSON.stringify(delivery)), { success: true, format: 'ses', reports: 1, suppressed: 1 }, 'SNS posts text/plain; addresses match whatever their case');
      assert.ok(visited.includes(CERT_URL), 'the SNS signature was checked against its certificate');
      const c = await contactNow(contact.id);
      assert.equal(c.suppressed_reason, 'hard_bounce');
      assert.ok(c.suppressed_at !== null);
      assert.equal(c.unsubscribed_at, null, 'a bounce is no opt-out');
      assert.deepEqual((await runsOf(contact.id)).map((r) => [r.state, r.exit_reason]), [['exited', 'bounced']]);
      assert.deepEqual(await ok(storeId, JSON.stringify(delivery)), { success: true, format: 'ses', reports: 1, suppressed: 0 }, 'SNS delivers again: no second effect');
      await hurry(contact.id);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(cb.to(email).length, 1, 'nothing after the bounce');
      const timeline = (await cb.api.admin<Row>('GET', `/stores/${storeId}/contacts/${contact.id}`)).body;
      assert.ok(timeline.timeline.some((e: Row) => e.kind === 'run' && /ended: bounced/.test(e.summary)), JSON.stringify(timeline.timeline.map((e: Row) => e.summary)));
    });

    test('a Postmark spam complaint suppresses and unsubscribes the address and ends its flow', async () => {
      const { storeId, email, contact } = await mailedShopper();
      assert.deepEqual(await ok(storeId, postmarkComplaint(email)), { success: true, format: 'postmark', reports: 1, suppressed: 1 });
      const c = await contactNow(contact.id);
      assert.equal(c.suppressed_reason, 'complaint');
      assert.ok(c.unsubscribed_at !== null, 'a complaint is an unsubscribe');
      assert.deepEqual((await runsOf(contact.id)).map((r) => [r.state, r.exit_reason]), [['exited', 'complained']]);
      await hurry(contact.id);
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(cb.to(email).length, 1);
    });

    test('soft bounces change nothing: SES Transient, Postmark SoftBounce, generic permanent: false; an SES complaint "not-spam" neither', async () => {
      const { storeId, email, contact } = await mailedShopper();
      assert.equal((await ok(storeId, JSON.stringify(sns(sesBounce([email], 'Transient'))))).suppressed, 0);
      assert.equal((await ok(storeId, postmarkBounce(email, 'SoftBounce'))).suppressed, 0);
      assert.equal((await ok(storeId, [{ type: 'bounce', email, permanent: false }])).suppressed, 0);
      const notSpam = { notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'not-spam' }, mail: { messageId: 'x' } };
      assert.equal((await ok(storeId, JSON.stringify(sns(notSpam)))).suppressed, 0);
      await unchanged(contact.id);
    });

    test('a generic array: each address as reported, in one delivery; an address no contact has is kept as a hashed suppression', async () => {
      const a = await mailedShopper();
      const stranger = `${randomUUID()}@elsewhere.test`;
      const r = await ok(a.storeId, [{ type: 'complaint', email: a.email }, { type: 'bounce', email: stranger, permanent: true }, { type: 'bounce', email: `${randomUUID()}@soft.test`, permanent: false }], { signature: 'hmac' });
      assert.deepEqual(r, { success: true, format: 'generic', reports: 3, suppressed: 1 });
      assert.equal((await contactNow(a.contact.id)).suppressed_reason, 'complaint');
      const hashed = await db().selectFrom('suppressions').selectAll().where('store_id', '=', a.storeId).execute();
      assert.deepEqual(hashed.map((h) => h.kind), ['suppressed'], 'the stranger, by hash only');
      assert.ok(!JSON.stringify(hashed).includes('elsewhere'), 'no address kept');
    });

    test('a report Cartback cannot read is a 400 with a stable code, and nothing of it is applied', async () => {
      const { storeId, email, contact } = await mailedShopper();
      const cases: Array<[string | object, string]> = [
        ['{"type": "bounce", "email": ', 'invalid_json'],
        [{ hello: 'world' }, 'unknown_report_format'],
        [[], 'unknown_report_format'],
        [[{ type: 'bounce', email }, { type: 'bounced', email }], 'unknown_report_format'],
        [[{ type: 'bounce', email }, { type: 'bounce', email: 'not an address' }], 'unknown_report_format'],
        [{ RecordType: 'Bounce', Type: 'HardBounce' }, 'unknown_report_format'],
        [JSON.stringify(sns('not json at all')), 'invalid_json'],
        [JSON.stringify(sns({ some: 'thing' })), 'unknown_report_format'],
      ];
      for (const [body, code] of cases) {
        const r = await deliver(storeId, body);
        assert.deepEqual([r.status, r.body.error?.code], [400, code], `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
      }
      await unchanged(contact.id);
    });

    test('SNS SubscriptionConfirmation is confirmed by visiting its SubscribeURL; without AWS, the URL is given back', async () => {
      const { storeId } = await mailedShopper();
      const confirmation = sns('You have chosen to subscribe to the topic', { type: 'SubscriptionConfirmation' });
      assert.deepEqual(await ok(storeId, JSON.stringify(confirmation)), { success: true, format: 'ses', reports: 0, suppressed: 0, confirmed: true });
      assert.ok(visited.includes(confirmation.SubscribeURL!));
      const unreachable = sns('You have chosen to subscribe to the topic', { type: 'SubscriptionConfirmation' });
      unreachable.SubscribeURL = 'https://sns.eu-west-1.amazonaws.com/?Action=Subscribe-unreachable';
      unreachable.Signature = createSign('RSA-SHA256').update(stringToSign(unreachable), 'utf8').sign(signingKey, 'base64');
      assert.deepEqual(await ok(storeId, JSON.stringify(unreachable)), { success: true, format: 'ses', reports: 0, suppressed: 0, confirmed: false, subscribeUrl: unreachable.SubscribeURL });
      const elsewhere = sns('x', { type: 'SubscriptionConfirmation' });
      elsewhere.SigningCertURL = 'https://attacker.example/cert.pem';
      assert.equal((await deliver(storeId, JSON.stringify(elsewhere))).status, 401, 'a certificate from anywhere but SNS is refused');
    });
  });
}

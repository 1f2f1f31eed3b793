import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ledger } from './ledger.ts';
import type { MailSeen } from './mail.ts';

const mail = (to: string, id: string, sentAt: number | null): MailSeen => ({ to, messageId: id, sentAt, open: null, restore: null, clicks: [], unsubscribe: null, discountCode: null });

test('a mail claimed after the order was acknowledged is a violation; one claimed before is not', () => {
  const l = new Ledger();
  l.mail('a', mail('a@example.com', 'm1@h', 1_000));
  l.orderAcknowledged('a', 2_000);
  l.mail('a', mail('a@example.com', 'm2@h', 1_900)); // claimed before the ack, delivered after: allowed
  assert.equal(l.violations.mailAfterOrder.count, 0);
  l.mail('a', mail('a@example.com', 'm3@h', 2_001));
  assert.equal(l.violations.mailAfterOrder.count, 1);
  assert.equal(l.violations.mailAfterOrder.examples[0]!.messageId, 'm3@h');
  l.orderAcknowledged('a', 5_000);
  l.mail('a', mail('a@example.com', 'm4@h', 3_000));
  assert.equal(l.violations.mailAfterOrder.count, 2, 'the first acknowledgement counts');
});

test('unsubscribes, a mail arriving twice, and strangers are each flagged', () => {
  const l = new Ledger();
  l.unsubscribed('b', 10_000);
  l.mail('b', mail('b@example.com', 'm1@h', 9_000));
  l.mail('b', mail('b@example.com', 'm2@h', 11_000));
  l.mail('b', mail('b@example.com', 'm2@h', 11_000));
  l.mail(null, mail('who@example.com', 'm3@h', 1));
  assert.equal(l.violations.mailAfterUnsubscribe.count, 2);
  assert.equal(l.violations.mailTwice.count, 1);
  assert.equal(l.violations.unknownRecipient.count, 1);
  assert.deepEqual(l.mailsPerShopper(), { 3: 1 });
});

test('a mail without a send instant is counted but not judged', () => {
  const l = new Ledger();
  l.orderAcknowledged('c', 1);
  l.mail('c', mail('c@example.com', 'm@h', null));
  assert.equal(l.unchecked, 1);
  assert.equal(l.violations.mailAfterOrder.count, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryOutcome } from './delivery-outcome.ts';

const err = (o: object) => Object.assign(new Error('x'), o);

test('4xx replies and 503 are deferred: the server did not take the message', () => {
  for (const responseCode of [421, 450, 451, 452, 503]) assert.equal(deliveryOutcome(err({ responseCode, response: `${responseCode} later` })).kind, 'deferred', String(responseCode));
});

test('5xx replies fail the message; only a refused recipient or a 5.1.x status is a hard bounce', () => {
  assert.deepEqual(deliveryOutcome(err({ responseCode: 550, code: 'EENVELOPE', response: '550 5.1.1 no such user' })), { kind: 'rejected', reason: '550 550 5.1.1 no such user', hardBounce: true });
  assert.equal((deliveryOutcome(err({ responseCode: 550, command: 'DATA', response: '550 5.1.1 The email account does not exist' })) as { hardBounce: boolean }).hardBounce, true);
  assert.equal((deliveryOutcome(err({ responseCode: 554, command: 'DATA', response: '554 5.7.1 rejected as spam' })) as { hardBounce: boolean }).hardBounce, false);
});

test('no connection, or a break before the message was handed over, is deferred; a break during DATA is uncertain', () => {
  assert.equal(deliveryOutcome(err({ code: 'ECONNECTION' })).kind, 'deferred');
  assert.equal(deliveryOutcome(err({ code: 'ETIMEDOUT', command: 'CONN' })).kind, 'deferred');
  assert.equal(deliveryOutcome(err({ code: 'ETIMEDOUT', command: 'DATA' })).kind, 'uncertain');
  assert.equal(deliveryOutcome(err({ code: 'ESOCKET' })).kind, 'uncertain', 'no command known: assume the worst (never twice)');
  assert.equal(deliveryOutcome(new Error('something odd')).kind, 'uncertain');
});

test('what our transport saw decides a break without a reply: any of the message sent is uncertain, none is deferred', () => {
  // nodemailer names a socket timeout or a dropped connection CONN wherever it happened, during DATA too
  assert.equal(deliveryOutcome(err({ code: 'ETIMEDOUT', command: 'CONN', messageStarted: true })).kind, 'uncertain');
  assert.equal(deliveryOutcome(err({ code: 'ECONNECTION', command: 'CONN', messageStarted: true })).kind, 'uncertain');
  assert.equal(deliveryOutcome(err({ code: 'ESOCKET', command: 'CONN', messageStarted: false })).kind, 'deferred');
  assert.equal(deliveryOutcome(err({ code: 'ETIMEDOUT', command: 'CONN', messageStarted: false })).kind, 'deferred');
  assert.equal(deliveryOutcome(err({ responseCode: 451, response: '451 later', messageStarted: true })).kind, 'deferred', 'a reply is a verdict');
});

/** What each service's report means, read without a server: the shapes integration tests do not send. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../kernel/errors.ts';
import { formatOf, genericReports, postmarkReports, sesReports } from './parse.ts';

const mail = { messageId: 'm-1', source: 'shop@lumen.test' };

test('SES: notifications and event publishing (eventType) alike; only Permanent is a hard bounce; several recipients', () => {
  const bounce = (bounceType: string) => ({ bounce: { bounceType, bouncedRecipients: [{ emailAddress: 'a@x.test' }, { emailAddress: 'b@x.test' }, { nothing: 1 }] }, mail });
  assert.deepEqual(sesReports({ notificationType: 'Bounce', ...bounce('Permanent') }), [{ email: 'a@x.test', outcome: 'hard_bounce' }, { email: 'b@x.test', outcome: 'hard_bounce' }]);
  assert.deepEqual(sesReports({ eventType: 'Bounce', ...bounce('Undetermined') }).map((r) => r.outcome), ['soft_bounce', 'soft_bounce']);
  assert.deepEqual(sesReports({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'c@x.test' }], complaintFeedbackType: 'abuse' }, mail }), [{ email: 'c@x.test', outcome: 'complaint' }]);
  assert.deepEqual(sesReports({ notificationType: 'Delivery', delivery: {}, mail }), [], 'deliveries are no reports');
});

test('formats are told apart by their fields; SNS raw delivery is SES', () => {
  assert.equal(formatOf({ Type: 'Notification', TopicArn: 'arn:aws:sns:x', Message: '{}' }), 'ses');
  assert.equal(formatOf({ notificationType: 'Bounce', bounce: {}, mail }), 'ses');
  assert.equal(formatOf({ RecordType: 'Bounce', Email: 'a@x.test' }), 'postmark');
  assert.equal(formatOf([{ type: 'complaint', email: 'a@x.test' }, { type: 'bounce', email: 'b@x.test' }]), 'generic');
  for (const other of [null, 'bounce', 42, [], {}, { RecordType: 'Delivery' }, [{ type: 'bounce' }, { type: 'open' }]]) assert.equal(formatOf(other), null, JSON.stringify(other));
});

test('Postmark: HardBounce and BadEmailAddress are hard, other types soft; a report without an address is refused', () => {
  assert.equal(postmarkReports({ RecordType: 'Bounce', Type: 'BadEmailAddress', Email: 'a@x.test' })[0]?.outcome, 'hard_bounce');
  assert.equal(postmarkReports({ RecordType: 'Bounce', Type: 'Transient', Email: 'a@x.test' })[0]?.outcome, 'soft_bounce');
  assert.throws(() => postmarkReports({ RecordType: 'SpamComplaint' }), (e: AppError) => e.code === 'unknown_report_format');
});

test('generic: permanent unless said otherwise; one bad item refuses the whole report, naming it', () => {
  assert.deepEqual(genericReports({ type: 'bounce', email: ' A@x.test ' }), [{ email: 'A@x.test', outcome: 'hard_bounce' }]);
  assert.throws(
    () => genericReports([{ type: 'bounce', email: 'a@x.test' }, { type: 'bounce', email: 'a@x.test', permanent: 'yes' }, { type: 'complaint', email: '' }]),
    (e: AppError) => e.code === 'unknown_report_format' && JSON.stringify(e.details) === JSON.stringify(['[1].permanent: must be true or false', '[2].email: not an email address']),
  );
});

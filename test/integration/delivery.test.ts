/**
 * What the mail server says decides what happens to a message, on both databases, with a real SMTP
 * server that answers as told: 4xx is tried again with pauses and delivered once; a refused mailbox
 * (550 at RCPT) fails the message and suppresses the address; a 5xx on the content fails it but
 * keeps the address; no connection at all is tried again.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`delivery outcomes on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect, { smtp: true });
    const db = () => cb.running.services.database.db;
    const messagesOf = (email: string) => db().selectFrom('messages').selectAll().where('to_address', '=', email).orderBy('created_at').execute();
    /** The pause before the next attempt is minutes; a test moves the run's next step to now instead of waiting. */
    const hurry = (runId: string) => db().updateTable('runs').set({ due_at: Date.now() }).where('id', '=', runId).where('state', '=', 'active').execute();

    test('a 451 is tried again after a pause and delivered once; the run waits at the step meanwhile', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Deferred', { wait1: 'PT1H' }));
      const email = `deferred-${Date.now()}@shopper.test`;
      cb.smtp.deferData.set(email, [{ code: 451, message: '4.7.1 Greylisted, try again later' }, { code: 421, message: '4.4.2 Busy' }]);
      await abandonCart(cb.api, writeKey, { email });
      const first = await eventually('the first deferral', async () => (await messagesOf(email)).find((m) => m.status === 'deferred'));
      assert.equal(first.attempts, 1);
      assert.match(first.reason ?? '', /451/);
      const run = await db().selectFrom('runs').selectAll().where('id', '=', first.run_id).executeTakeFirstOrThrow();
      assert.equal(run.node_id, 'email-1', 'the run waits at the send step');
      assert.ok(Number(run.due_at) >= Date.now() + 50_000, 'about a minute later');
      await hurry(run.id);
      await eventually('the second deferral', async () => (await messagesOf(email)).find((m) => m.attempts === 2 && m.status === 'deferred'));
      await hurry(run.id);
      const sent = await eventually('delivered on the third attempt', async () => (await messagesOf(email)).find((m) => m.status === 'sent'));
      assert.equal(sent.attempts, 3);
      assert.equal(sent.id, first.id, 'the same message, not a second one');
      assert.equal(cb.to(email).length, 1, 'delivered exactly once');
    });

    test('a mailbox that does not exist (550 at RCPT TO) fails the message and suppresses the address', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Bounce', { wait1: 'PT1S' }));
      const email = `nobody-${Date.now()}@shopper.test`;
      cb.smtp.refuse.set(email, { code: 550, message: '5.1.1 No such user here' });
      await abandonCart(cb.api, writeKey, { email });
      const failed = await eventually('the failure', async () => (await messagesOf(email)).find((m) => m.status === 'failed'));
      assert.match(failed.reason ?? '', /550/);
      const contact = await db().selectFrom('contacts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(contact.suppressed_reason, 'hard_bounce');
      const skipped = await eventually('the next step skipped', async () => (await db().selectFrom('messages').selectAll().where('contact_id', '=', contact.id).where('status', '=', 'skipped').executeTakeFirst()));
      assert.equal(skipped.reason, 'suppressed');
    });

    test('a 554 on the content fails the message but keeps the address', async () => {
      const { writeKey } = await storeWithFlow(cb.api, threeStepFlow('Rejected', { wait1: 'PT1H' }));
      const email = `policy-${Date.now()}@shopper.test`;
      cb.smtp.deferData.set(email, [{ code: 554, message: '5.7.1 Message rejected as spam' }]);
      await abandonCart(cb.api, writeKey, { email });
      const failed = await eventually('the failure', async () => (await messagesOf(email)).find((m) => m.status === 'failed'));
      assert.match(failed.reason ?? '', /554/);
      const contact = await db().selectFrom('contacts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(contact.suppressed_at, null);
    });

    test('a mail server that cannot be reached defers the message (it was never handed over)', async () => {
      const { storeId, writeKey } = await storeWithFlow(cb.api, threeStepFlow('Unreachable', { wait1: 'PT1H' }));
      await cb.api.admin('PATCH', `/stores/${storeId}`, { settings: { smtpUrl: 'smtp://127.0.0.1:9' } });
      const email = `unreachable-${Date.now()}@shopper.test`;
      await abandonCart(cb.api, writeKey, { email });
      const deferred = await eventually('the deferral', async () => (await messagesOf(email)).find((m) => m.status === 'deferred'));
      assert.match(deferred.reason ?? '', /ECONNREFUSED|connect/i);
    });
  });
}

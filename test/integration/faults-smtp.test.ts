/**
 * The mail server misbehaving, with a real SMTP server behind a front that refuses, answers 421,
 * or stalls (test/harness/smtp-front.ts), on every database:
 * - refused and 421 while Cartback is killed (SIGKILL) and restarted against a healthy server:
 *   the deferred message goes once, later steps follow, and a shopper who bought during the outage
 *   gets nothing;
 * - killed while a send stalls on a silent server: that step is never sent blindly (its handoff is
 *   unknown), and the run goes on to its later steps;
 * - a silent server is given up on after CARTBACK_SMTP_TIMEOUT_MS: before the message was handed
 *   over that is a deferral (sent later, once); once the message was on its way it is uncertain and
 *   never sent again, even though nodemailer names both timeouts the same way.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import type { Launched } from '../../src/cli/start.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS, type Dialect } from '../harness/dialects.ts';
import { launchIn, spawnCartback, testEnv, type TestEnv } from '../harness/server.ts';
import { abandonCart, storeWithFlow, type Api } from '../harness/shop.ts';
import { smtpFront } from '../harness/smtp-front.ts';
import { startSmtp, type SmtpSink } from '../harness/smtp.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

/** The database as the test sees it: messages by address, and moving a retry pause (minutes) to now. */
function inspect(env: TestEnv) {
  const database: Database = openDatabase(loadConfig(env.env).database, { poolSize: 2, role: 'test' });
  const db = database.db;
  return {
    close: () => database.close(),
    messagesTo: (email: string) => db.selectFrom('messages').selectAll().where('to_address', '=', email).orderBy('node_id').execute(),
    runOf: (email: string) => db.selectFrom('runs').innerJoin('contacts', 'contacts.id', 'runs.contact_id').select(['runs.id', 'runs.state', 'runs.exit_reason', 'runs.node_id']).where('contacts.email', '=', email).executeTakeFirstOrThrow(),
    /**
     * Runs waiting out a retry pause (minutes) at a deferred message come due now. The pause is
     * written just after the message's status, so callers repeat this while they wait.
     */
    hurry: (emails: string[]) =>
      db.updateTable('runs').set({ due_at: Date.now() }).where('state', '=', 'active').where('due_at', '>', Date.now() + 10_000)
        .where('contact_id', 'in', db.selectFrom('contacts').select('id').where('email', 'in', emails))
        .where(({ exists, selectFrom }) => exists(selectFrom('messages as m').select('m.id').whereRef('m.run_id', '=', 'runs.id').whereRef('m.node_id', '=', 'runs.node_id').where('m.status', '=', 'deferred')))
        .execute(),
  };
}

const mailsTo = (smtp: SmtpSink, email: string) => smtp.messages.filter((m) => (m.to as { text: string }).text === email);
const stepOf = (html: unknown) => (/CB-[A-Z2-9]{8}/.test(String(html)) ? 'email-2' : 'other');

for (const dialect of DIALECTS) {
  describe(`the mail server fails, on ${dialect.name}`, { skip: dialect.skip }, () => {
    const closers: Array<() => Promise<unknown>> = [];
    after(async () => {
      for (const c of closers.reverse()) await c().catch(() => undefined);
    });

    test('refused, 421 and a stalled send across kill -9: the deferred mail goes once, the stalled one never blindly, later steps follow, no mail after a purchase', { timeout: 90_000 }, async () => {
      const smtp = await startSmtp();
      closers.push(() => smtp.close());
      const front = await smtpFront(smtp.url, 'refuse');
      closers.push(() => front.close());
      // A long timeout: the stalled send must still be waiting when the process is killed.
      const env = await testEnv(dialect, { CARTBACK_SMTP_URL: front.url, CARTBACK_SMTP_TIMEOUT_MS: '60000' });
      closers.push(() => env.cleanup());
      const look = inspect(env);
      closers.push(() => look.close());
      const first = await spawnCartback(env);
      closers.push(() => first.stop());
      const api = client(env.base);
      const { writeKey } = await storeWithFlow(api, threeStepFlow('SMTP outage', { wait1: 'PT1S', wait2: 'PT1S' }));
      const tag = randomUUID().slice(0, 8);
      const [waits, buys, stalls] = ['waits', 'buys', 'stalls'].map((who) => `${who}-${tag}@shopper.test`) as [string, string, string];
      const carts = new Map<string, { anonymousId: string; cartId: string }>();
      for (const email of [waits, buys, stalls]) carts.set(email, await abandonCart(api, writeKey, { email }));
      const attempt = (email: string, n: number, reason: RegExp) =>
        eventually(`${email}: attempt ${n} deferred`, async () => {
          if (n > 1) await look.hurry([email]);
          return (await look.messagesTo(email)).find((m) => m.attempts >= n && m.status === 'deferred' && reason.test(m.reason ?? ''));
        }, 20_000);

      // Down: nothing listens. Every first mail is deferred, nothing is lost.
      for (const email of [waits, buys, stalls]) await attempt(email, 1, /ECONNREFUSED/);
      // Overloaded: 421 at the greeting.
      await front.setMode('busy');
      for (const email of [waits, buys, stalls]) await attempt(email, 2, /421/);
      // One shopper buys while mail cannot go.
      const order = await api.ingest('/track', { messageId: randomUUID(), anonymousId: carts.get(buys)!.anonymousId, event: 'Order Completed', properties: { order_id: `o-${tag}`, cart_id: carts.get(buys)!.cartId, total: 917, currency: 'USD' } }, writeKey);
      assert.equal(order.status, 200);
      const boughtAt = Date.now();
      // Silent: the next attempt for one shopper connects and waits for a greeting that never comes.
      await front.setMode('stall');
      const connections = front.connections;
      await eventually('the stalled send claimed', async () => {
        await look.hurry([stalls]);
        return front.connections > connections && (await look.messagesTo(stalls)).some((m) => m.status === 'sending');
      });
      await first.kill9();

      // Back, healthy.
      await front.setMode('pass');
      const second = await spawnCartback(env);
      closers.push(() => second.stop());
      await eventually('both runs done', async () => {
        await look.hurry([waits, buys]);
        return (await look.runOf(waits)).state === 'done' && (await look.runOf(stalls)).state === 'done';
      }, 30_000);
      await new Promise((r) => setTimeout(r, 1000)); // room for a wrong extra send to show up

      const waited = mailsTo(smtp, waits);
      assert.equal(waited.length, 3, 'the deferred first mail, then steps 2 and 3, each once');
      assert.equal(new Set(waited.map((m) => m.messageId)).size, 3);
      const waitsRows = await look.messagesTo(waits);
      assert.deepEqual(waitsRows.map((m) => [m.node_id, m.status]), [['email-1', 'sent'], ['email-2', 'sent'], ['email-3', 'sent']]);
      assert.ok(waitsRows[0]!.attempts >= 3, 'step 1 went on a later attempt of the same message');

      const stalled = mailsTo(smtp, stalls);
      assert.deepEqual(stalled.map((m) => stepOf(m.html)).sort(), ['email-2', 'other'], 'steps 2 and 3 only: the stalled step 1 is not sent again');
      assert.deepEqual((await look.messagesTo(stalls)).map((m) => [m.node_id, m.status]), [['email-1', 'uncertain'], ['email-2', 'sent'], ['email-3', 'sent']]);

      assert.equal(mailsTo(smtp, buys).length, 0, 'nothing to the shopper who bought');
      const run = await look.runOf(buys);
      assert.equal(run.state, 'exited');
      assert.equal(run.exit_reason, 'purchased');
      const afterPurchase = (await look.messagesTo(buys)).filter((m) => m.status === 'sent' || m.status === 'sending' || Number(m.created_at) > boughtAt);
      assert.deepEqual(afterPurchase, [], 'no message sent or claimed for the buyer');
    });

    describe('a silent server is given up on', () => {
      let running: Launched;
      let smtp: SmtpSink;
      let api: Api;
      let env: TestEnv;
      let look: ReturnType<typeof inspect>;
      const front = { current: undefined as Awaited<ReturnType<typeof smtpFront>> | undefined };
      const start = async (d: Dialect) => {
        smtp = await startSmtp();
        closers.push(() => smtp.close());
        front.current = await smtpFront(smtp.url, 'pass');
        closers.push(() => front.current!.close());
        env = await testEnv(d, { CARTBACK_SMTP_URL: front.current.url, CARTBACK_SMTP_TIMEOUT_MS: '1000' });
        closers.push(() => env.cleanup());
        running = await launchIn(env);
        closers.push(() => running.app.close());
        look = inspect(env);
        closers.push(() => look.close());
        api = client(env.base);
      };

      test('no greeting: deferred, then delivered once; no answer to the message: uncertain and never sent again', { timeout: 60_000 }, async () => {
        await start(dialect);
        const { writeKey } = await storeWithFlow(api, threeStepFlow('Silent server', { wait1: 'PT1S', wait2: 'PT1H' }));
        const tag = randomUUID().slice(0, 8);

        // The greeting never comes: the message was not handed over.
        await front.current!.setMode('stall');
        const greeted = `greeting-${tag}@shopper.test`;
        await abandonCart(api, writeKey, { email: greeted });
        const deferred = await eventually('a deferral after the greeting timeout', async () => (await look.messagesTo(greeted)).find((m) => m.status === 'deferred'), 20_000);
        assert.match(deferred.reason ?? '', /greeting|timeout/i);
        await front.current!.setMode('pass');
        const rows = await eventually('step 2 delivered and recorded', async () => {
          await look.hurry([greeted]);
          const found = await look.messagesTo(greeted);
          return found.filter((m) => m.status === 'sent').length === 2 && found;
        }, 20_000);
        assert.deepEqual(rows.map((m) => [m.node_id, m.status, m.attempts]), [['email-1', 'sent', 2], ['email-2', 'sent', 1]]);
        assert.equal(mailsTo(smtp, greeted).length, 2, 'each step delivered once');

        // The server takes the message and never answers it: it may have arrived.
        smtp.hang = true;
        const unanswered = `unanswered-${tag}@shopper.test`;
        const received = smtp.received;
        await abandonCart(api, writeKey, { email: unanswered });
        await eventually('the message reaches the server', async () => smtp.received > received, 20_000);
        const uncertain = await eventually('the send given up on', async () => (await look.messagesTo(unanswered)).find((m) => m.node_id === 'email-1' && m.status !== 'sending'), 20_000);
        smtp.hang = false;
        assert.equal(uncertain.status, 'uncertain', `not tried again: ${uncertain.reason}`);
        await eventually('step 2 delivered', async () => {
          await look.hurry([unanswered]); // were step 1 deferred, this would send it again now
          return mailsTo(smtp, unanswered).length >= 1;
        }, 20_000);
        await new Promise((r) => setTimeout(r, 1000));
        assert.deepEqual(mailsTo(smtp, unanswered).map((m) => stepOf(m.html)), ['email-2'], 'step 1 is never sent a second time');
        assert.equal(smtp.received, received + 2, 'the server saw step 1 once and step 2 once');
      });
    });
  });
}

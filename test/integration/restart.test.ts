/**
 * Crashes, with a real process and kill -9, on every database:
 * - invariant 2: a crash after a send was claimed and before its outcome was recorded never yields a
 *   second send of that step, and the run goes on to its next step after the restart;
 * - invariant 4: an event acknowledged with 200 is there after the process was killed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { spawnCartback, testEnv, type Child, type TestEnv } from '../harness/server.ts';
import { abandonCart, storeWithFlow } from '../harness/shop.ts';
import { startSmtp, type SmtpSink } from '../harness/smtp.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

for (const dialect of DIALECTS) {
  describe(`kill -9 on ${dialect.name}`, { skip: dialect.skip }, () => {
    const open: Array<{ close(): Promise<void> } | Child | TestEnv> = [];
    after(async () => {
      for (const o of open.reverse()) {
        if ('stop' in o) await o.stop();
        else if ('cleanup' in o) await o.cleanup();
        else await o.close();
      }
    });

    test('a step claimed before a crash is never sent twice, and the run continues after restart', async () => {
      const smtp: SmtpSink = await startSmtp();
      const env = await testEnv(dialect, { CARTBACK_SMTP_URL: smtp.url });
      open.push(smtp, env);
      const api = client(env.base);
      smtp.hang = true; // the provider takes the first message and never confirms it
      const first = await spawnCartback(env);
      const { storeId, writeKey } = await storeWithFlow(api, threeStepFlow('Crash test', { wait1: 'PT2S', wait2: 'PT1H' }));
      const shopper = await abandonCart(api, writeKey);
      await eventually('the first send to reach the SMTP server', async () => smtp.received >= 1);
      await first.kill9();

      smtp.hang = false;
      const second = await spawnCartback(env);
      open.push(second);
      const mails = await smtp.waitFor(1, 20_000);
      await new Promise((r) => setTimeout(r, 1500)); // room for a wrong duplicate to show up
      assert.equal(smtp.received, 2, 'one interrupted attempt at step 1 and one send of step 2, nothing more');
      assert.equal(mails.length, 1);
      assert.match(String((mails[0]!.html as string) ?? ''), /CB-[A-Z2-9]{8}/, 'the delivered mail is step 2, with its discount');

      const contact = (await api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(shopper.email)}`)).body[0];
      const timeline = (await api.admin('GET', `/stores/${storeId}/contacts/${contact.id}`)).body.timeline as Array<{ kind: string; data: { node_id?: string; status?: string } }>;
      const byNode = (id: string) => timeline.filter((e) => e.kind.startsWith('message_') && e.data.node_id === id);
      assert.deepEqual(byNode('email-1').map((e) => e.data.status), ['uncertain'], 'the interrupted send is recorded as uncertain, not retried');
      assert.deepEqual(byNode('email-2').map((e) => e.data.status), ['sent']);
    });

    test('an event acknowledged with 200 survives kill -9', async () => {
      const env = await testEnv(dialect);
      open.push(env);
      const api = client(env.base);
      const proc = await spawnCartback(env);
      const { storeId, writeKey } = await storeWithFlow(api);
      const email = `durable-${randomUUID()}@shopper.test`;
      const acked = await api.ingest('/identify', { messageId: randomUUID(), anonymousId: randomUUID(), traits: { email } }, writeKey);
      assert.equal(acked.status, 200);
      await proc.kill9(); // immediately after the acknowledgement
      const again = await spawnCartback(env);
      open.push(again);
      const found = await api.admin('GET', `/stores/${storeId}/contacts?email=${encodeURIComponent(email)}`);
      assert.equal(found.body.length, 1, 'the acknowledged identify is there');
    });
  });
}

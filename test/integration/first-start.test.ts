/**
 * What a newcomer sees on first start, as a real process on every database: the banner with where
 * to open things, the demo store with its ready flows (the first live), the dev mailbox, and the
 * operations endpoints.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { spawnCartback, testEnv, type Child, type TestEnv } from '../harness/server.ts';
import { abandonCart } from '../harness/shop.ts';

for (const dialect of DIALECTS) {
  describe(`first start on ${dialect.name}`, { skip: dialect.skip }, () => {
    let env: TestEnv;
    let proc: Child;
    after(async () => {
      await proc?.stop();
      await env?.cleanup();
    });

    test('prints where to open it, creates the demo store with the ready flows, and mail lands in the dev mailbox', async () => {
      env = await testEnv(dialect, { CARTBACK_DEMO: 'true' });
      delete env.env.CARTBACK_ADMIN_TOKEN; // a real first start: the token is generated
      proc = await spawnCartback(env);
      await eventually('the banner', async () => proc.output().includes('demo store'));
      const out = proc.output();
      assert.match(out, new RegExp(`open\\s+${env.base.replace('127.0.0.1', 'localhost').replace(/\./g, '\\.')}|open\\s+${env.base}`));
      assert.match(out, /mailbox\s+http/);
      const token = out.match(/API token\s+(cbt_\S+)/)?.[1];
      assert.ok(token, out);
      assert.equal(fs.readFileSync(path.join(env.env.CARTBACK_DATA_DIR!, 'admin-token'), 'utf8').trim(), token);
      const demo = JSON.parse(fs.readFileSync(path.join(env.env.CARTBACK_DATA_DIR!, 'demo-store.json'), 'utf8')) as { id: string; writeKey: string };

      const auth = { authorization: `Bearer ${token}` };
      const flows = (await (await fetch(`${env.base}/api/stores/${demo.id}/flows`, { headers: auth })).json()) as Array<{ name: string; status: string }>;
      assert.deepEqual(flows.map((f) => [f.name, f.status]), [['Helpful two-step', 'live'], ['Classic three-step', 'draft'], ['Day 1, 3, 5', 'draft']]);

      // Shorten the demo's timeout and take the holdout out, so the first email comes at once.
      await fetch(`${env.base}/api/stores/${demo.id}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ settings: { abandonAfter: 'PT1S' } }) });
      const def = (await (await fetch(`${env.base}/api/stores/${demo.id}/flows`, { headers: auth })).json()) as Array<{ id: string }>;
      const helpful = (await (await fetch(`${env.base}/api/stores/${demo.id}/flows/${def[0]!.id}`, { headers: auth })).json()) as { definition: { nodes: Array<{ id: string; percent?: number }> } };
      helpful.definition.nodes.find((n) => n.id === 'holdout')!.percent = 0;
      const put = await fetch(`${env.base}/api/stores/${demo.id}/flows/${def[0]!.id}?publish=true`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(helpful.definition) });
      assert.equal(put.status, 200);

      const shopper = await abandonCart(client(env.base), demo.writeKey);
      const mail = await eventually('the dev mailbox to hold the email', async () => {
        const box = (await (await fetch(`${env.base}/api/stores/${demo.id}/mailbox?to=${encodeURIComponent(shopper.email)}`, { headers: auth })).json()) as Array<{ subject: string; html: string; headers: Record<string, string> }>;
        return box[0];
      });
      assert.match(mail.html, /Carbon Travel Tripod/);
      assert.match(mail.headers['list-unsubscribe-post'] ?? '', /One-Click/);
      const page = await (await fetch(`${env.base}/mailbox`)).text();
      assert.match(page, new RegExp(mail.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#39;')));
    });

    test('health, readiness, metrics and the OpenAPI document', async () => {
      assert.deepEqual(await (await fetch(`${env.base}/healthz`)).json(), { ok: true });
      const ready = (await (await fetch(`${env.base}/readyz`)).json()) as { ok: boolean; database: string };
      assert.equal(ready.ok, true);
      assert.match(ready.database, dialect.name === 'sqlite' ? /sqlite/ : /postgresql/);
      const metrics = await (await fetch(`${env.base}/metrics`)).text();
      assert.match(metrics, /cartback_events_ingested_total\{result="accepted"\} [1-9]/);
      assert.match(metrics, /cartback_messages\{status="sent"\} [1-9]/);
      assert.match(metrics, /cartback_events_pending \d+/);
      assert.match(metrics, /cartback_events_applied_total [1-9]/);
      const doc = (await (await fetch(`${env.base}/docs/json`)).json()) as { paths: Record<string, unknown> };
      for (const p of ['/v1/track', '/v1/batch', '/api/stores', '/api/stores/{storeId}/stats', '/api/stores/{storeId}/flows']) assert.ok(doc.paths[p], `${p} is documented`);
      const unauth = await fetch(`${env.base}/api/stores`);
      assert.equal(unauth.status, 401);
      assert.equal(((await unauth.json()) as { error: { code: string } }).error.code, 'unauthorized');
    });
  });
}

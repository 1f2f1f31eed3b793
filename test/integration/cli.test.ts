/** The cartback CLI as an operator runs it, on every database: store create, flow export/import, errors. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { testEnv, type TestEnv } from '../harness/server.ts';

const run = promisify(execFile);

async function cartback(env: Record<string, string>, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = run(process.execPath, [path.resolve('bin/cartback.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  if (stdin !== undefined) {
    p.child.stdin!.end(stdin);
  }
  try {
    const { stdout, stderr } = await p;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

for (const dialect of DIALECTS) {
  describe(`cli on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestEnv;
    after(async () => t?.cleanup());

    test('store create --json, flow export, edit, flow import publishes version 2', async () => {
      t = await testEnv(dialect);
      const created = await cartback(t.env, ['store', 'create', '--name', 'CLI Shop', '--abandon-after', 'PT5M', '--json']);
      assert.equal(created.code, 0, created.stderr);
      const store = JSON.parse(created.stdout) as { id: string; writeKey: string; publicKey: string };
      assert.match(store.writeKey, /^wk_/);
      assert.match(store.publicKey, /^pk_/);

      const all = await cartback(t.env, ['flow', 'export', '--store', store.id]);
      assert.deepEqual((JSON.parse(all.stdout) as Array<{ name: string }>).map((f) => f.name), ['Helpful two-step', 'Classic three-step', 'Day 1, 3, 5']);
      const one = JSON.parse((await cartback(t.env, ['flow', 'export', '--store', store.id, '--name', 'Classic three-step'])).stdout);
      one.nodes.find((n: { id: string }) => n.id === 'holdout').percent = 0;
      const file = path.join(t.env.CARTBACK_DATA_DIR!, 'classic.json');
      fs.writeFileSync(file, JSON.stringify(one));
      const imported = await cartback(t.env, ['flow', 'import', '--store', store.id, file]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /"Classic three-step" saved as version 2, live/);
      const back = JSON.parse((await cartback(t.env, ['flow', 'export', '--store', store.id, '--name', 'Classic three-step'])).stdout);
      assert.equal(back.nodes.find((n: { id: string }) => n.id === 'holdout').percent, 0);
    });

    test('an invalid flow is refused with every problem and nothing saved', async () => {
      const store = JSON.parse((await cartback(t.env, ['store', 'create', '--name', 'CLI Shop 2', '--json'])).stdout) as { id: string };
      const bad = { name: 'Helpful two-step', trigger: 'cart_abandoned', nodes: [{ id: 't', type: 'trigger', event: 'cart_abandoned', next: 'x' }, { id: 'x', type: 'send_email', template: 'missing' }] };
      const r = await cartback(t.env, ['flow', 'import', '--store', store.id, '-'], JSON.stringify(bad));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /\[invalid_flow\]/);
      assert.match(r.stderr, /template \\?"missing\\?" does not exist/);
      const after = JSON.parse((await cartback(t.env, ['flow', 'export', '--store', store.id, '--name', 'Helpful two-step'])).stdout);
      assert.equal(after.nodes.length, 6, 'the live flow is untouched');
      const notJson = await cartback(t.env, ['flow', 'import', '--store', store.id, '-'], '{oops');
      assert.match(notJson.stderr, /\[invalid_json\]/);
    });

    test('user create prints a generated password once; it signs in; a weak or taken one is refused', async () => {
      const made = await cartback(t.env, ['user', 'create', '--email', 'ops@shop.test', '--name', 'Ops']);
      assert.equal(made.code, 0, made.stderr);
      const password = made.stdout.match(/password\s+(\S+)/)![1]!;
      const weak = await cartback(t.env, ['user', 'create', '--email', 'weak@shop.test', '--password', 'short']);
      assert.equal(weak.code, 1);
      assert.match(weak.stderr, /\[weak_password\]/);
      assert.match((await cartback(t.env, ['user', 'create', '--email', 'OPS@shop.test'])).stderr, /\[conflict\]/);
      const listed = JSON.parse((await cartback(t.env, ['user', 'list', '--json'])).stdout) as Array<{ email: string }>;
      assert.deepEqual(listed.map((u) => u.email), ['ops@shop.test']);
      const { launchIn } = await import('../harness/server.ts');
      const running = await launchIn(t);
      try {
        const res = await fetch(`${t.env.CARTBACK_PUBLIC_URL}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@shop.test', password }) });
        assert.equal(res.status, 200);
      } finally {
        await running.app.close();
      }
    });
  });
}

test('bad configuration stops the CLI with every problem listed', async () => {
  const r = await cartback({ CARTBACK_PORT: 'x', CARTBACK_DATABASE_URL: 'mysql://nope' }, ['migrate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /CARTBACK_PORT/);
  assert.match(r.stderr, /CARTBACK_DATABASE_URL/);
});

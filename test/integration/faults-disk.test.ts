/**
 * The database cannot write, with Cartback as a real process:
 * - SQLite on a full disk: the data directory is a small tmpfs filled to the last byte, so SQLite
 *   gets ENOSPC and answers SQLITE_FULL (needs permission to mount; skipped with the reason when
 *   the test may not);
 * - PostgreSQL turned read-only, as a provider does when a database outgrows its disk
 *   (`default_transaction_read_only`, SQLSTATE 25006), on a role of the test's own.
 * Meanwhile: ingest answers 200 or 503 `unavailable`, never anything else, and a refused request
 * stores nothing of itself; the admin API answers 503, not 500; the process stays up; once the
 * fault is cleared it recovers by itself, every event acknowledged before is there and applied
 * (none set aside because of the fault), the refused request goes through when sent again, and a
 * shopper who walked away before the fault is mailed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { appName, onServer, ownPgRole, terminateBackends } from '../harness/faults.ts';
import { spawnCartback, testEnv, type Child, type TestEnv } from '../harness/server.ts';
import { abandonCart, storeWithFlow, type Api } from '../harness/shop.ts';
import { threeStepFlow } from '../fixtures/flows.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
const postgres = DIALECTS.find((d) => d.name === 'postgres')!;

/** A small tmpfs to fill, or why there cannot be one here. */
function tmpfs(sizeMb: number): { dir: string; unmount(): void } | string {
  if (process.platform !== 'linux') return 'needs Linux (tmpfs)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-diskfull-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs to fill (run as root, or in a container with CAP_SYS_ADMIN): ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
const mountSkip = (() => {
  const probe = tmpfs(1);
  if (typeof probe === 'string') return probe;
  probe.unmount();
  return false;
})();

/** Writes a file until the file system has not one block left; returns a function that frees it. */
function fillDisk(dir: string): () => void {
  const file = path.join(dir, 'filler');
  const fd = fs.openSync(file, 'w');
  for (const size of [1 << 20, 1 << 12, 512]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
  }
  fs.closeSync(fd);
  return () => fs.rmSync(file);
}

interface Scenario {
  env: TestEnv;
  child: Child;
  api: Api;
  storeId: string;
  writeKey: string;
  check: Database;
}

/** Events as a storefront sends them: batches of carts growing, each event a few kB (product data). */
function batchOf(n: number, lane: string) {
  return {
    batch: Array.from({ length: n }, (_, i) => ({
      type: 'track', messageId: randomUUID(), anonymousId: `anon-${lane}`, event: 'Product Added',
      properties: { cart_id: `cart-${lane}`, sku: `SKU-${i}`, name: 'Linen shirt', description: 'woven linen '.repeat(300), price: 10, quantity: 1 },
    })),
  };
}
const idsOf = (b: ReturnType<typeof batchOf>) => b.batch.map((e) => e.messageId);

/**
 * The common part: acknowledged traffic before the fault, the fault (`start` / `clear`), ingest and
 * the admin API during it, and what must hold after it is cleared.
 */
async function throughFault(s: Scenario, fault: { start(): Promise<void>; clear(): Promise<void> }) {
  const { api, writeKey, storeId, check } = s;
  const acked: string[] = [];
  const walked = await abandonCart(api, writeKey);
  for (let i = 0; i < 3; i++) {
    const b = batchOf(10, 'before');
    assert.equal((await api.ingestAsync('/batch', b, writeKey)).status, 200);
    acked.push(...idsOf(b));
  }

  await fault.start();
  // Keep sending until the database refuses: up to then everything is acknowledged as usual.
  let refused: ReturnType<typeof batchOf> | undefined;
  for (let i = 0; i < 400 && !refused; i++) {
    const b = batchOf(10, 'during');
    const r = await api.ingestAsync<{ error: { code: string } }>('/batch', b, writeKey);
    if (r.status === 200) acked.push(...idsOf(b));
    else {
      assert.equal(r.status, 503, `ingest during the fault: ${r.status} ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'unavailable');
      refused = b;
    }
  }
  assert.ok(refused, 'the database refused a write');
  const single = await api.ingestAsync<{ error: { code: string } }>('/track', { messageId: randomUUID(), anonymousId: 'anon-single', event: 'Product Viewed', properties: { sku: 'X' } }, writeKey);
  assert.equal(single.status, 503, JSON.stringify(single.body));
  const adminWrite = await api.admin('POST', '/stores', { name: 'During the fault', templates: false });
  assert.equal(adminWrite.status, 503, `the admin API: ${adminWrite.status} ${JSON.stringify(adminWrite.body)}`);
  assert.equal(adminWrite.body.error.code, 'unavailable');
  const settings = await api.admin('PATCH', `/stores/${storeId}`, { settings: { supportEmail: 'other@shop.test' } });
  assert.equal(settings.status, 503, `a settings change: ${settings.status} ${JSON.stringify(settings.body)}`);
  await new Promise((r) => setTimeout(r, 1000)); // the engine's passes fail meanwhile
  assert.equal(s.child.proc.exitCode, null, 'the process is still up');

  await fault.clear();
  // Nothing of the refused request was stored.
  const half = await check.db.selectFrom('events').select('message_id').where('message_id', 'in', idsOf(refused)).execute();
  assert.deepEqual(half, [], 'the refused batch left nothing behind');
  // The client sends it again, same messageIds; the process recovered by itself.
  const again = await eventually('the refused batch accepted when sent again', async () => {
    const r = await api.ingestAsync('/batch', refused, writeKey);
    assert.ok(r.status === 200 || r.status === 503, `${r.status} ${JSON.stringify(r.body)}`);
    return r.status === 200 && r;
  }, 30_000);
  assert.equal(again.status, 200);
  acked.push(...idsOf(refused));
  assert.equal((await api.admin('POST', '/stores', { name: 'After the fault', templates: false })).status, 201);

  const events = await eventually('every acknowledged event applied', async () => {
    const rows = await check.db.selectFrom('events').select(['message_id', 'applied_at', 'apply_error']).where('store_id', '=', storeId).execute();
    return rows.every((r) => r.applied_at !== null) && rows;
  }, 30_000);
  const stored = new Set(events.map((e) => e.message_id));
  assert.deepEqual(acked.filter((id) => !stored.has(id)), [], 'every acknowledged event is stored');
  assert.deepEqual(events.filter((e) => e.apply_error !== null).map((e) => e.apply_error), [], 'no event set aside because of the fault');
  const carts = await check.db.selectFrom('carts').select(['external_id', 'item_count']).where('store_id', '=', storeId).where('external_id', 'in', ['cart-before', 'cart-during']).execute();
  const itemsIn = (lane: string) => Number(carts.find((c) => c.external_id === `cart-${lane}`)?.item_count ?? 0);
  assert.equal(itemsIn('before'), 30, 'the cart from before holds what was acknowledged, once');
  assert.equal(itemsIn('during'), acked.length - 30, 'the cart from during the fault holds what was acknowledged, once');
  // The shopper who walked away before the fault is mailed (dev mailbox), the run goes on.
  await eventually('the first mail to the shopper who walked away', async () =>
    (await check.db.selectFrom('messages').select('status').where('to_address', '=', walked.email).where('status', '=', 'sent').execute()).length > 0, 30_000);
  assert.equal(s.child.proc.exitCode, null, 'the process is still up');
}

async function scenario(env: TestEnv, closers: Array<() => Promise<unknown>>): Promise<Scenario> {
  const child = await spawnCartback(env);
  closers.push(() => child.stop());
  const api = client(env.base);
  const { storeId, writeKey } = await storeWithFlow(api, threeStepFlow('Disk full', { wait1: 'PT1H' }));
  const check = openDatabase(loadConfig(env.env).database, { poolSize: 2, role: 'test' });
  closers.push(() => check.close());
  return { env, child, api, storeId, writeKey, check };
}

describe('SQLite on a full disk', { skip: sqlite.skip || mountSkip }, () => {
  const closers: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  test('503 while the disk is full, nothing acknowledged lost, recovers by itself when space is freed', { timeout: 60_000 }, async () => {
    const disk = tmpfs(24);
    assert.ok(typeof disk !== 'string', String(disk));
    closers.push(async () => disk.unmount());
    const env = await testEnv(sqlite, { CARTBACK_DATA_DIR: disk.dir, CARTBACK_DATABASE_URL: `sqlite:${path.join(disk.dir, 'cartback.db')}` });
    closers.push(() => env.cleanup());
    const s = await scenario(env, closers);
    let free: (() => void) | undefined;
    await throughFault(s, {
      start: async () => void (free = fillDisk(disk.dir)),
      clear: async () => free!(),
    });
  });
});

describe('PostgreSQL turned read-only', { skip: postgres.skip }, () => {
  const closers: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  test('503 while writes are refused (25006), nothing acknowledged lost, recovers by itself when writes are allowed again', { timeout: 60_000 }, async () => {
    const role = await ownPgRole();
    closers.push(() => role.cleanup());
    const env = await testEnv(postgres, { CARTBACK_DATABASE_URL: role.url });
    closers.push(() => env.cleanup());
    const s = await scenario(env, closers);
    const name = new URL(role.url).username;
    await throughFault(s, {
      async start() {
        await onServer(`alter role ${name} set default_transaction_read_only = on`);
        // Sessions take the setting when they start: end the open ones, as the provider's switch does.
        await terminateBackends(appName('all', s.child.proc.pid!));
      },
      // Only the setting changes back: the sessions Cartback opened meanwhile stay read-only
      // until it replaces them, which it must do by itself.
      clear: async () => void (await onServer(`alter role ${name} reset default_transaction_read_only`)),
    });
  });
});

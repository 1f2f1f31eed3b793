/**
 * The engine's claim path on every database, with real worker processes where it matters:
 * - concurrent claims hand out each due run once, and never a run before its due time (invariant 6);
 * - worker processes (two on PostgreSQL, where several may share a database; one on SQLite) step
 *   every due run exactly once;
 * - a worker killed with SIGKILL in the middle of a batch loses nothing: the runs it had leased are
 *   stepped by the next worker (on PostgreSQL only once their lease has expired), none twice.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/store/db.ts';
import { claimDueRuns } from '../../src/store/queries/runs.ts';
import { eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { openMigrated, runStates, seedWaitingRuns, storeWithWaitFlow } from '../harness/runs.ts';
import { freePort, launchIn, spawnCartback, testEnv, type Child, type TestEnv } from '../harness/server.ts';

for (const dialect of DIALECTS) {
  describe(`engine claims on ${dialect.name}`, { skip: dialect.skip }, () => {
    const closers: Array<() => Promise<void>> = [];
    after(async () => {
      for (const close of closers.reverse()) await close();
    });

    /** a fresh database with the wait flow, as a worker role environment, and a connection to it */
    async function setup(): Promise<{ env: TestEnv; db: Database; at: { storeId: string; flowId: string } }> {
      const env = await testEnv(dialect, { CARTBACK_ROLE: 'worker', CARTBACK_LEASE_MS: '2000' });
      closers.push(() => env.cleanup());
      const db = await openMigrated(loadConfig(env.env).database);
      closers.push(() => db.close());
      return { env, db, at: await storeWithWaitFlow(db.db) };
    }

    /** one more `cartback start` process (role from the environment) on the same database, on its own port */
    async function worker(env: TestEnv, role = 'worker'): Promise<Child & { base: string }> {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const child = await spawnCartback({ ...env, env: { ...env.env, CARTBACK_PORT: String(port), CARTBACK_ROLE: role }, base });
      closers.push(() => child.stop());
      return { ...child, base };
    }

    test('concurrent claims hand out each due run once, and nothing before it is due', async () => {
      const { env, db, at } = await setup();
      const now = Date.now();
      await seedWaitingRuns(db.db, at, { n: 1000, dueAt: now - 1000 });
      await seedWaitingRuns(db.db, at, { n: 50, dueAt: now + 3_600_000, prefix: 'later-' });
      const claimers = await Promise.all([0, 1, 2, 3].map(() => openMigrated(loadConfig(env.env).database)));
      closers.push(...claimers.map((c) => () => c.close()));
      const got = await Promise.all(claimers.map(async (c, k) => {
        const ids: string[] = [];
        for (let runs = [{ id: '' }]; runs.length; ids.push(...runs.map((r) => r.id))) runs = await claimDueRuns(c.db, c.caps, { owner: `claimer-${k}`, now: Date.now(), leaseMs: 60_000, limit: 25 });
        return ids;
      }));
      const all = got.flat();
      assert.equal(all.length, 1000, 'every due run claimed');
      assert.equal(new Set(all).size, 1000, 'no run claimed twice');
      assert.ok(all.every((id) => id.startsWith('run-')), 'no run claimed before its due time');
      const owners = new Map((await runStates(db.db)).map((r) => [r.id, r.leaseOwner]));
      got.forEach((ids, k) => assert.ok(ids.every((id) => owners.get(id) === `claimer-${k}`), 'each lease names its claimer'));
    });

    test(`${dialect.name === 'postgres' ? 'two worker processes step' : 'a worker process steps'} every due run exactly once`, async () => {
      const { env, db, at } = await setup();
      await seedWaitingRuns(db.db, at, { n: 3000, dueAt: Date.now() });
      await Promise.all(Array.from({ length: dialect.name === 'postgres' ? 2 : 1 }, () => worker(env)));
      const states = await eventually('every run stepped', async () => {
        const s = await runStates(db.db);
        return s.every((r) => r.steppedAt !== null) && s;
      }, 60_000);
      await new Promise((r) => setTimeout(r, 500)); // room for a wrong second step to show
      assert.deepEqual((await runStates(db.db)).filter((r) => r.steps !== 1).map((r) => `${r.id}: ${r.steps}`), [], 'each run stepped once');
      assert.ok(states.every((r) => r.steppedAt! >= Date.now() - 120_000));
    });

    test('a worker killed mid-batch loses nothing: its leased runs are taken over, none stepped twice', async () => {
      const { env, db, at } = await setup();
      // Enough for the worker to be busy when it is killed: SQLite steps thousands a second.
      await seedWaitingRuns(db.db, at, { n: dialect.name === 'sqlite' ? 10_000 : 4000, dueAt: Date.now() });
      const first = await worker(env);
      await eventually('the first worker to be part way', async () => {
        const s = await runStates(db.db);
        return s.filter((r) => r.steppedAt !== null).length >= 300;
      }, 60_000);
      await first.kill9();
      const killedAt = Date.now();
      const atKill = await runStates(db.db);
      const orphaned = atKill.filter((r) => r.steppedAt === null && r.leaseOwner !== null && r.leaseUntil! > killedAt);
      assert.ok(orphaned.length > 0, `the killed worker held leases on runs it had not stepped (stepped ${atKill.filter((r) => r.steppedAt !== null).length}, leased ${atKill.filter((r) => r.leaseOwner !== null).length})`);

      await worker(env);
      const states = await eventually('every run stepped', async () => {
        const s = await runStates(db.db);
        return s.every((r) => r.steppedAt !== null) && s;
      }, 60_000);
      assert.deepEqual(states.filter((r) => r.steps !== 1).map((r) => `${r.id}: ${r.steps}`), [], 'each run stepped once');
      if (dialect.name === 'postgres') {
        // Several workers may share PostgreSQL: a lease is only taken over once it has expired.
        const byId = new Map(states.map((r) => [r.id, r]));
        const early = orphaned.filter((o) => byId.get(o.id)!.steppedAt! < o.leaseUntil!);
        assert.deepEqual(early.map((o) => o.id), [], 'no leased run was taken over before its lease expired');
      }
    });

    test('the HTTP API answers while a backlog of due runs is being stepped', async () => {
      const { env, db, at } = await setup();
      const cartback = await worker(env, 'all');
      const n = 20_000;
      await seedWaitingRuns(db.db, at, { n, dueAt: Date.now() });
      const stepped = async () => (await runStates(db.db)).filter((r) => r.steppedAt !== null).length;
      await eventually('stepping to begin', async () => (await stepped()) > 0, 30_000);
      assert.equal((await fetch(`${cartback.base}/readyz`)).status, 200);
      assert.ok((await stepped()) < n, 'answered before the backlog was done (better-sqlite3 is synchronous: the engine must yield)');
    });

    test('a due run leased by another worker does not keep this one busy, and is taken over when its lease ends', async () => {
      const { env, db, at } = await setup();
      const running = await launchIn({ ...env, env: { ...env.env, CARTBACK_PORT: '0', CARTBACK_POLL_MS: '1000' } });
      closers.push(() => running.app.close());
      // After the start (a SQLite worker frees every lease when it starts: they were all its own).
      const leaseUntil = Date.now() + 1500;
      await db.db.transaction().execute(async (tx) => {
        await seedWaitingRuns(tx, at, { n: 1, dueAt: Date.now() - 1000 });
        await tx.updateTable('runs').set({ lease_owner: 'another-worker', lease_until: leaseUntil }).execute();
      });
      const ticks = running.services.worker.ticks;
      await new Promise((r) => setTimeout(r, 1000));
      // Polling every second makes one or two passes; waking at once for the leased run made 150-200.
      assert.ok(running.services.worker.ticks - ticks <= 3, `${running.services.worker.ticks - ticks} passes in one second`);
      const [run] = await eventually('the run to be taken over', async () => {
        const s = await runStates(db.db);
        return s[0]!.steppedAt !== null && s;
      });
      assert.ok(run!.steppedAt! >= leaseUntil, 'not before the lease ended');
      assert.equal(run!.steps, 1);
    });

    test('a worker told to stop finishes its batch, not the backlog, and leaves the rest unleased', async () => {
      const { env, db, at } = await setup();
      const n = 20_000;
      await seedWaitingRuns(db.db, at, { n, dueAt: Date.now() });
      const running = await launchIn({ ...env, env: { ...env.env, CARTBACK_PORT: '0' } });
      let closed = false;
      closers.push(async () => void (closed || (await running.app.close())));
      await eventually('stepping to begin', async () => (await runStates(db.db)).some((r) => r.steppedAt !== null), 30_000);
      await running.app.close(); // what SIGTERM does
      closed = true;
      const states = await runStates(db.db);
      const stepped = states.filter((r) => r.steppedAt !== null);
      assert.ok(stepped.length < n, 'stopped before the backlog was done (a deploy does not wait for it)');
      assert.ok(stepped.every((r) => r.steps === 1));
      assert.deepEqual(states.filter((r) => r.steppedAt === null && (r.leaseOwner !== null || r.steps !== 0)).map((r) => r.id), [], 'nothing left leased or half done');
    });
  });
}

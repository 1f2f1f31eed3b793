/**
 * Processes that start at the same moment on a new PostgreSQL database (a deployment's api and workers, with
 * CARTBACK_ADMIN_TOKEN set) all start: the admin token is made once, not refused as a duplicate by
 * the second (that failed one of two PostgreSQL workers in the due-lag benchmark).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { launch, type Launched } from '../../src/cli/start.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { openMigrated } from '../harness/runs.ts';
import { testEnv, type TestEnv } from '../harness/server.ts';

// PostgreSQL only: it is the database several processes share. SQLite is one process's (two starting
// at once on a new file even race on its migrations, which Kysely locks only on PostgreSQL).
for (const dialect of DIALECTS.filter((d) => d.name === 'postgres')) {
  describe(`starting together on ${dialect.name}`, { skip: dialect.skip }, () => {
    let env: TestEnv;
    const running: Launched[] = [];
    after(async () => {
      for (const r of running) await r.app.close();
      await env?.cleanup();
    });

    test('eight processes with the same admin token start at once on a new database', async () => {
      env = await testEnv(dialect, { CARTBACK_ROLE: 'worker', CARTBACK_PORT: '0' });
      const config = loadConfig(env.env);
      await (await openMigrated(config.database)).close(); // migrated already, so all of them reach the token at once
      const started = await Promise.allSettled(Array.from({ length: 8 }, () => launch(config)));
      for (const s of started) if (s.status === 'fulfilled') running.push(s.value);
      assert.deepEqual(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason)), []);
      const tokens = await running[0]!.services.database.db.selectFrom('api_tokens').select('name').execute();
      assert.deepEqual(tokens.map((t) => t.name), ['CARTBACK_ADMIN_TOKEN']);
    });
  });
}

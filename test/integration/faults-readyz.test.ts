/**
 * /readyz is what a load balancer asks before it sends traffic to a Cartback process: it must say
 * not ready (503) while the database cannot be reached, both when the database host refuses
 * connections and when it does not answer at all (a network cut: the probe must not hang), and
 * ready again by itself when the database is back. Cartback reaches PostgreSQL through a TCP front
 * the test controls (test/harness/smtp-front.ts). SQLite is a file inside the process: it cannot
 * be unreachable while the process runs (a full disk is test/integration/faults-disk.test.ts).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { spawnCartback, testEnv } from '../harness/server.ts';
import { storeWithFlow } from '../harness/shop.ts';
import { smtpFront } from '../harness/smtp-front.ts';

const postgres = DIALECTS.find((d) => d.name === 'postgres')!;

describe('/readyz while PostgreSQL cannot be reached', { skip: postgres.skip }, () => {
  const closers: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  test('not ready while the database refuses or does not answer; ready again, and ingesting, when it is back', { timeout: 60_000 }, async () => {
    const env = await testEnv(postgres);
    closers.push(() => env.cleanup());
    const direct = new URL(env.env.CARTBACK_DATABASE_URL!);
    const front = await smtpFront(`tcp://${direct.host}`, 'pass');
    closers.push(() => front.close());
    const viaFront = new URL(direct);
    viaFront.host = new URL(front.url).host;
    env.env.CARTBACK_DATABASE_URL = viaFront.toString();
    const child = await spawnCartback(env);
    closers.push(() => child.stop());
    const api = client(env.base);
    const { writeKey } = await storeWithFlow(api);
    // Answered within 8 s or not at all: a hung probe is what the check must never do.
    const readyz = async () => (await fetch(`${env.base}/readyz`, { signal: AbortSignal.timeout(8000) })).status;
    const track = () => api.ingestAsync('/track', { messageId: randomUUID(), anonymousId: 'anon-ready', event: 'Product Viewed', properties: { sku: 'X' } }, writeKey);
    assert.equal(await readyz(), 200);

    await front.setMode('refuse'); // the connections are cut and new ones refused
    await eventually('not ready while refused', async () => (await readyz()) === 503);
    assert.equal((await track()).status, 503, 'ingest says retry later');

    await front.setMode('stall'); // connections are taken and never answered
    assert.equal(await readyz(), 503, 'not ready, and said so in time, while the database does not answer');
    assert.equal(child.proc.exitCode, null, 'the process is still up');

    await front.setMode('pass');
    await eventually('ready again', async () => (await readyz()) === 200, 20_000);
    await eventually('ingest accepted again', async () => (await track()).status === 200, 20_000);
  });
});

/**
 * PostgreSQL deployments with separate api and worker processes: events an api process accepted
 * are applied by a worker at once, woken by NOTIFY, not at its next poll. The worker here polls
 * every 10 minutes, so only the wake-up can apply them within the test; after its listening
 * connection is cut (as a server restart would) it reconnects and is woken again.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import { client, eventually } from '../harness/api.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { appName, onServer, terminateBackends } from '../harness/faults.ts';
import { freePort, spawnCartback, testEnv } from '../harness/server.ts';
import { storeWithFlow } from '../harness/shop.ts';

const pg = DIALECTS.find((d) => d.name === 'postgres')!;

describe('workers woken by NOTIFY', { skip: pg.skip }, () => {
  const closers: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  test('an event accepted by an api process is applied by a worker long before its poll, also after the listener lost its connection', { timeout: 120_000 }, async () => {
    const env = await testEnv(pg, { CARTBACK_POLL_MS: '600000' });
    closers.push(() => env.cleanup());
    const api = await spawnCartback(env, { role: 'api' });
    closers.push(() => api.stop());
    const worker = await spawnCartback(env, { role: 'worker', env: { CARTBACK_PORT: String(await freePort()) } });
    closers.push(() => worker.stop());
    const http = client(env.base);
    const { storeId, writeKey } = await storeWithFlow(http);
    const check = openDatabase(loadConfig(env.env).database, { poolSize: 1, role: 'test' });
    closers.push(() => check.close());
    const listening = () => `${appName('worker', worker.proc.pid!)}-listen`;
    await eventually('the worker listening', async () => (await listeners(listening())) > 0, 30_000);

    const addAndWait = async (what: string) => {
      const cartId = `cart-${randomUUID()}`;
      const r = await http.ingestAsync('/track', { messageId: randomUUID(), anonymousId: `anon-${cartId}`, event: 'Product Added', properties: { cart_id: cartId, sku: 'LENS', price: 349, quantity: 2 } }, writeKey);
      assert.equal(r.status, 200);
      const cart = await eventually(what, async () => check.db.selectFrom('carts').select(['item_count']).where('store_id', '=', storeId).where('external_id', '=', cartId).executeTakeFirst(), 20_000);
      assert.equal(Number(cart.item_count), 2);
    };
    await addAndWait('the cart applied by the worker, woken');

    assert.ok((await terminateBackends(listening())) > 0, 'the listening connection was cut');
    await eventually('the worker listening again', async () => (await listeners(listening())) > 0, 30_000);
    await addAndWait('the cart applied by the worker, woken after it reconnected');
  });
});

async function listeners(application: string): Promise<number> {
  return (await onServer(`select 1 from pg_stat_activity where application_name = $1`, [application])).length;
}

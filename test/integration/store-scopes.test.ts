/**
 * One store's data is never visible with another store's credentials, on both databases: a token
 * made for store A and a user limited to store A are walked through every /api route of the
 * OpenAPI document aimed at store B (404 store_not_found: B does not exist for them) and at the
 * instance (403 forbidden, but for the few routes a scoped caller needs); with A they get through.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

type Route = { method: string; path: string };

for (const dialect of DIALECTS) {
  describe(`store scopes on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);

    test('every /api route refuses store B, and the instance, to credentials for store A', async () => {
      const a = (await cb.api.admin('POST', '/stores', { name: 'Store A' })).body;
      const b = (await cb.api.admin('POST', '/stores', { name: 'Store B' })).body;
      const token = (await cb.api.admin('POST', '/tokens', { name: 'A only', storeId: a.id })).body.token as string;
      await cb.api.admin('POST', '/users', { email: 'clerk@a.test', password: 'a long enough secret', stores: [a.id] });
      const signIn = await fetch(`${cb.env.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'clerk@a.test', password: 'a long enough secret' }) });
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
      const credentials = { token: { authorization: `Bearer ${token}` }, session: { cookie, 'x-csrf-token': csrf } };

      const doc = (await (await cb.api.get('/docs/json')).json()) as { paths: Record<string, Record<string, unknown>> };
      const routes: Route[] = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/')).flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: p })));
      const open = ['POST /api/session', 'GET /api/setup', 'POST /api/setup'];
      const allowed = ['GET /api/stores', 'GET /api/session', 'DELETE /api/session', 'PATCH /api/users/me', 'GET /api/flow-templates'];
      const call = (r: Route, storeId: string, headers: Record<string, string>) => fetch(`${cb.env.base}${r.path.replace('{storeId}', storeId).replace(/\{[^}]+\}/g, 'x')}`, {
        method: r.method,
        headers: { ...headers, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
        body: r.method === 'GET' || r.method === 'DELETE' ? undefined : JSON.stringify({ name: 'intruder' }),
      });

      let storeRoutes = 0;
      for (const [who, headers] of Object.entries(credentials)) {
        for (const r of routes) {
          const key = `${r.method} ${r.path}`;
          if (open.includes(key) || key === 'DELETE /api/session') continue;
          const res = await call(r, b.id, headers);
          const body = (await res.json().catch(() => ({}))) as { error?: { code: string } };
          if (r.path.includes('{storeId}')) {
            storeRoutes++;
            assert.equal(res.status, 404, `${who}: ${key} for store B`);
            assert.equal(body.error?.code, 'store_not_found', `${who}: ${key}`);
            const own = await call(r, a.id, headers);
            const ownCode = ((await own.json().catch(() => ({}))) as { error?: { code: string } }).error?.code;
            assert.ok(![401, 403].includes(own.status) && ownCode !== 'store_not_found', `${who}: ${key} for its own store A answered ${own.status} ${ownCode}`);
          } else if (!allowed.includes(key)) {
            assert.equal(res.status, 403, `${who}: ${key} is for the whole instance`);
            assert.equal(body.error?.code, 'forbidden');
          }
        }
      }
      assert.ok(storeRoutes >= 40, `the store routes were walked (${storeRoutes})`);

      for (const headers of Object.values(credentials)) {
        const listed = (await (await fetch(`${cb.env.base}/api/stores`, { headers })).json()) as Array<{ id: string }>;
        assert.deepEqual(listed.map((s) => s.id), [a.id], 'only their store in the list');
      }
      assert.equal((await cb.api.admin('GET', '/stores')).body.length >= 2, true, 'an unscoped token still sees every store');
    });
  });
}

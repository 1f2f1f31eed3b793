/**
 * The admin API is closed to anyone without credentials: every route under /api that the OpenAPI
 * document lists answers 401 unauthorized without a token, and with a wrong one, whatever the method,
 * and stores nothing. (A route plugin once forgot its own gate and served stats to anyone.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

describe('admin API access', () => {
  const cb = cartbackSuite(sqlite);

  test('every /api route refuses a caller without credentials or with a wrong token', async () => {
    const created = await cb.api.admin('POST', '/stores', { name: 'Closed shop' });
    const storeId = created.body.id as string;
    const doc = (await (await cb.api.get('/docs/json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/'))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{storeId\}/g, storeId).replace(/\{[^}]+\}/g, 'x') })))
      // the only open doors: signing in, and the first-user setup (which needs its one-time token)
      .filter((r) => !['POST /api/session', 'GET /api/setup', 'POST /api/setup'].includes(`${r.method} ${r.path}`));
    assert.ok(routes.length >= 15, `the document lists the admin routes (${routes.length})`);
    const before = (await cb.api.admin('GET', '/stores')).body.length;
    for (const r of routes) {
      for (const authorization of [undefined, 'Bearer not-a-token', `Basic ${Buffer.from('x:').toString('base64')}`]) {
        const res = await fetch(`${cb.env.base}${r.path}`, {
          method: r.method,
          headers: { ...(authorization ? { authorization } : {}), ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : JSON.stringify({ name: 'intruder' }),
        });
        assert.equal(res.status, 401, `${r.method} ${r.path} with ${authorization ?? 'nothing'}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
      }
    }
    assert.equal((await cb.api.admin('GET', '/stores')).body.length, before, 'nothing was created');
  });
});

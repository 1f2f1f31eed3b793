/**
 * How the admin app is served: index.html (never cached) at every client route, hashed bundles
 * cached for a year, nothing of it in the OpenAPI document, and a clear 503 when it is not built.
 * scripts/test.js builds web/dist before the tests when it is stale.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import type { Services } from '../../src/app.ts';
import { registerErrorHandling } from '../../src/http/errors.ts';
import { CLIENT_ROUTES, webRoutes } from '../../src/http/routes/web.ts';
import { DIALECTS } from '../harness/dialects.ts';
import { cartbackSuite } from '../harness/suite.ts';

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

describe('admin app serving', () => {
  const cb = cartbackSuite(sqlite);

  test('client routes get index.html, uncached; bundles are immutable', async () => {
    for (const p of ['/', '/sign-in?next=%2Faccount', '/setup?token=x', '/account', '/stores/abc/flows/f1', '/stores/abc/templates/step1/zh-CN']) {
      const res = await cb.api.get(p);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, p);
      assert.equal(res.headers.get('cache-control'), 'no-cache', p);
      assert.match(await res.text(), /<div id="root"><\/div>/, p);
    }
    const html = await (await cb.api.get('/')).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, 'index.html loads a hashed bundle');
    const bundle = await cb.api.get(script);
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    await bundle.arrayBuffer(); // an unread body holds its connection open past the suite

    const missing = await cb.api.get('/assets/index-nothere.js');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    for (const p of ['/stores', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const res = await cb.api.get(p);
      assert.equal(res.status, 404, p);
      await res.arrayBuffer();
    }
  });

  test('security headers: the app runs only its own scripts and is never framed; API answers are never cached', async () => {
    const res = await cb.api.get('/stores/abc/dashboard');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline script, no eval');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS on a plain-http install');
    await res.arrayBuffer();
    const api = await fetch(`${cb.env.base}/api/stores`, { headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } });
    assert.equal(api.headers.get('cache-control'), 'no-store');
    await api.arrayBuffer();
  });

  test('the OpenAPI document leaves the app out', async () => {
    const doc = (await (await cb.api.get('/docs/json')).json()) as { paths: Record<string, unknown> };
    const listed = Object.keys(doc.paths).filter((p) => CLIENT_ROUTES.includes(p) || p.startsWith('/assets') || p.startsWith('/stores/') || p === '/');
    assert.deepEqual(listed, []);
  });

  test('not built: the client routes say how to build it', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cartback-web-'));
    const app = Fastify();
    registerErrorHandling(app);
    await app.register(webRoutes({ config: { publicUrl: 'http://localhost' } } as Services, empty));
    try {
      const res = await app.inject('/stores/abc/dashboard');
      assert.equal(res.statusCode, 503);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.body, /npm run build:web/);
      assert.equal((await app.inject('/assets/index.js')).statusCode, 404);
    } finally {
      await app.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

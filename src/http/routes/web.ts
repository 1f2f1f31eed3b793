/**
 * The admin web app (web/, built to web/dist by scripts/build-web.js). Hashed bundles under /assets/
 * are cached for a year (a new build has new names); index.html is never cached, so a deploy is
 * picked up on the next page load. The client routes all get index.html and the app's router takes
 * over. Not built yet: those routes say how to build it (503) instead of a bare 404.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Services } from '../../app.ts';
import { page } from '../pages.ts';
import { appHeaders } from '../security-headers.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The paths the app's router owns (web/src/app/routes.tsx); keep the two lists in step. */
export const CLIENT_ROUTES = ['/', '/sign-in', '/setup', '/account', '/stores/*'];

const NOT_BUILT = page(
  'Admin app not built',
  '<h1>The admin app is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed), then reload this page.</p><p>The API works meanwhile: <a href="/docs">/docs</a>.</p>',
);

export const webRoutes = (s: Services, dist: string = WEB_DIST): FastifyPluginAsync => async (app) => {
  const https = s.config.publicUrl.startsWith('https:');
  await app.register(fastifyStatic, {
    root: path.join(dist, 'assets'),
    prefix: '/assets/',
    // Resolved per request, not globbed at start: a rebuild while running is served at once.
    wildcard: true,
    decorateReply: false,
    index: false,
    // public, max-age=31536000, immutable
    maxAge: 365 * 24 * 3600 * 1000,
    immutable: true,
    // A missing web/dist is reported by the client routes below, not as a startup warning.
    suppressWarning: true,
  });

  // Read on each request (it is small and rarely asked for), so a rebuild needs no restart.
  const sendIndex = async (reply: FastifyReply) => {
    const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8').catch(() => null);
    appHeaders(reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache'), https);
    if (html === null) return reply.status(503).send(NOT_BUILT);
    return reply.send(html);
  };
  for (const url of CLIENT_ROUTES) app.get(url, { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
};

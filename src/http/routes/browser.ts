/** The browser snippet and the public-key endpoints it calls (being built). */
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../app.ts';

export const browserRoutes = (_s: Services): FastifyPluginAsync => async () => {};

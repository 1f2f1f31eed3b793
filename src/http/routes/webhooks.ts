/** Platform webhooks: Shopify and WooCommerce (being built; see README "Connect your store"). */
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../app.ts';

export const webhookRoutes = (_s: Services): FastifyPluginAsync => async () => {};

/** Admin API, reports: the dashboard and the per-flow, per-step stats. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Services } from '../../app.ts';
import { storeDashboard } from '../../reports/dashboard.ts';
import { storeStats } from '../../reports/stats.ts';
import { getStore } from '../../store/queries/stores.ts';
import { period, Period } from './period.ts';
import { StoreParams } from './stores.ts';
import { ADMIN_SECURITY } from '../auth.ts';

const sec = ADMIN_SECURITY;

export const reportRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.get('/api/stores/:storeId/stats', {
    schema: { tags: ['reports'], summary: 'Recovery per flow and step/variant, with the lift over the holdout group (default: last 30 days)', security: sec, params: StoreParams, querystring: Period },
  }, async (req) => {
    const store = await storeOf(req);
    const { from, to } = period(req.query as object, s.clock.now());
    return storeStats(db, store, from, to);
  });

  app.get('/api/stores/:storeId/dashboard', {
    schema: { tags: ['reports'], summary: "The dashboard: headline figures, lift over the holdout with its 95% interval, funnel, daily series in the store's time zone, flows and steps, revenue estimate", security: sec, params: StoreParams, querystring: Period },
  }, async (req) => {
    const store = await storeOf(req);
    const { from, to } = period(req.query as object, s.clock.now());
    return storeDashboard(db, store, from, to);
  });
};

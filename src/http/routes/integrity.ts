/**
 * Admin API: a store's integrity report (src/reports/integrity.ts). Read-only; the period is the
 * usual `from`/`to` (default: the last 30 days).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../app.ts';
import { IntegrityQuery, IntegrityReport } from '../../contracts/integrity.ts';
import { integrityReport } from '../../reports/integrity.ts';
import { getStore } from '../../store/queries/stores.ts';
import { ADMIN_SECURITY } from '../auth.ts';
import { period } from './period.ts';
import { StoreParams } from './stores.ts';

type Query = { from?: string; to?: string; messagePrefix?: string; acknowledged?: number };

export const integrityRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  app.get('/api/stores/:storeId/integrity', {
    schema: {
      tags: ['reports'],
      summary: 'Integrity report: messages sent after a purchase or an opt-out, more than one message per run and step, acknowledged events not stored',
      security: ADMIN_SECURITY, params: StoreParams, querystring: IntegrityQuery, response: { 200: IntegrityReport },
    },
  }, async (req) => {
    const store = await getStore(s.database.db, (req.params as { storeId: string }).storeId);
    const q = req.query as Query;
    const { from, to } = period(q, s.clock.now());
    return integrityReport(s.database.db, { storeId: store.id, from, to }, { ...(q.messagePrefix ? { messagePrefix: q.messagePrefix } : {}), ...(q.acknowledged === undefined ? {} : { acknowledged: q.acknowledged }) });
  });
};

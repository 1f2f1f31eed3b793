/**
 * Admin API: a store's simulated data (the demo store's month of simulated shoppers): how much
 * there is, and removing all of it in one transaction. Real shoppers' data is never touched.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { removeSimulatedData } from '../../simulate/remove.ts';
import { simulatedCounts } from '../../store/queries/simulation.ts';
import { getStore } from '../../store/queries/stores.ts';
import { ADMIN_SECURITY } from '../auth.ts';
import { StoreParams } from './stores.ts';

const DemoData = Type.Object({
  simulatedContacts: Type.Integer({ description: 'contacts a simulation made (contacts.simulated = 1)' }),
  simulatedOrders: Type.Integer(),
  simulatedMessages: Type.Integer(),
});
const Removed = Type.Object({ removedContacts: Type.Integer({ description: 'simulated contacts removed, with their events, carts, orders, runs and messages' }) });

export const demoDataRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.get('/api/stores/:storeId/demo-data', {
    schema: { tags: ['demo data'], summary: "How much of the store's data is simulated (the demo store's history)", security: ADMIN_SECURITY, params: StoreParams, response: { 200: DemoData } },
  }, async (req) => simulatedCounts(db, (await storeOf(req)).id));

  app.delete('/api/stores/:storeId/demo-data', {
    schema: { tags: ['demo data'], summary: 'Remove every simulated contact of the store and everything attached to them, in one transaction', security: ADMIN_SECURITY, params: StoreParams, response: { 200: Removed } },
  }, async (req) => ({ removedContacts: await removeSimulatedData(db, (await storeOf(req)).id) }));
};

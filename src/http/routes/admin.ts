/**
 * Admin API: stores and flows. Authentication is checked for all of /api in app.ts; every
 * store-scoped route checks that the store exists. The CLI calls the same services.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { FlowDefinition } from '../../contracts/flow.ts';
import { StoreCreate, StoreCreated, StoreSettingsPatch, StoreView } from '../../contracts/store.ts';
import { exportFlow, importFlow } from '../../flows/definition/publish.ts';
import { AppError } from '../../kernel/errors.ts';
import { getFlow, listFlows, setFlowStatus, type Flow } from '../../store/queries/flows.ts';
import { getStore, listStores, rotateWriteKey, storeView, updateStore } from '../../store/queries/stores.ts';
import { createStore } from '../../stores/create-store.ts';
import { ADMIN_SECURITY } from '../auth.ts';

export const StoreParams = Type.Object({ storeId: Type.String({ maxLength: 64 }) });
const FlowParams = Type.Object({ storeId: Type.String({ maxLength: 64 }), flowId: Type.String({ maxLength: 64 }) });
const FlowView = Type.Object({
  id: Type.String(), name: Type.String(), trigger: Type.String(), status: Type.String(), liveVersion: Type.Union([Type.Integer(), Type.Null()]), latestVersion: Type.Integer(),
});
const sec = ADMIN_SECURITY;

function flowView(f: Flow) {
  return { id: f.id, name: f.name, trigger: f.trigger, status: f.status, liveVersion: f.live_version, latestVersion: f.latest_version };
}

export const adminRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);

  app.post('/api/stores', { schema: { tags: ['stores'], summary: 'Create a store (its write key is shown once)', security: sec, body: StoreCreate, response: { 201: StoreCreated } } }, async (req, reply) => {
    const { store, writeKey } = await createStore(db, req.body as { name: string }, s.clock.now());
    return reply.status(201).send({ ...storeView(store), writeKey });
  });
  app.get('/api/stores', { schema: { tags: ['stores'], security: sec, response: { 200: Type.Array(StoreView) } } }, async () => (await listStores(db)).map(storeView));
  app.get('/api/stores/:storeId', { schema: { tags: ['stores'], security: sec, params: StoreParams, response: { 200: StoreView } } }, async (req) => storeView(await storeOf(req)));
  app.patch('/api/stores/:storeId', {
    schema: { tags: ['stores'], summary: 'Change name or settings', security: sec, params: StoreParams, body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), settings: Type.Optional(StoreSettingsPatch) }, { additionalProperties: false }), response: { 200: StoreView } },
  }, async (req) => storeView(await updateStore(db, (await storeOf(req)).id, req.body as object, s.clock.now())));
  app.post('/api/stores/:storeId/write-key', { schema: { tags: ['stores'], summary: 'Rotate the write key; the old one stops working', security: sec, params: StoreParams, response: { 200: Type.Object({ writeKey: Type.String() }) } } }, async (req) => ({
    writeKey: await rotateWriteKey(db, (await storeOf(req)).id, s.clock.now()),
  }));

  app.get('/api/stores/:storeId/flows', { schema: { tags: ['flows'], security: sec, params: StoreParams, response: { 200: Type.Array(FlowView) } } }, async (req) => (await listFlows(db, (await storeOf(req)).id)).map(flowView));
  app.post('/api/stores/:storeId/flows', {
    schema: { tags: ['flows'], summary: 'Import a flow definition as a new version (of the flow with that name, or a new flow)', security: sec, params: StoreParams, querystring: Type.Object({ publish: Type.Optional(Type.Boolean({ default: false })) }), body: Type.Unknown(), response: { 201: FlowView } },
  }, async (req, reply) => {
    const store = await storeOf(req);
    const flow = await importFlow(db, store.id, req.body, { publish: (req.query as { publish?: boolean }).publish === true, now: s.clock.now() });
    return reply.status(201).send(flowView(flow));
  });
  app.get('/api/stores/:storeId/flows/:flowId', { schema: { tags: ['flows'], security: sec, params: FlowParams, response: { 200: Type.Object({ ...FlowView.properties, definition: FlowDefinition }) } } }, async (req) => {
    const store = await storeOf(req);
    const { flowId } = req.params as { flowId: string };
    return { ...flowView(await getFlow(db, store.id, flowId)), definition: await exportFlow(db, store.id, flowId) };
  });
  app.get('/api/stores/:storeId/flows/:flowId/versions/:version', {
    schema: { tags: ['flows'], summary: 'One published version, exactly as runs enrolled in it execute it', security: sec, params: Type.Object({ ...FlowParams.properties, version: Type.Integer({ minimum: 1 }) }), response: { 200: FlowDefinition } },
  }, async (req) => {
    const { flowId, version } = req.params as { flowId: string; version: number };
    return exportFlow(db, (await storeOf(req)).id, flowId, version);
  });
  app.put('/api/stores/:storeId/flows/:flowId', {
    schema: { tags: ['flows'], summary: 'Save a new version of this flow; ?publish=true makes it live', security: sec, params: FlowParams, querystring: Type.Object({ publish: Type.Optional(Type.Boolean({ default: false })) }), body: Type.Unknown(), response: { 200: FlowView } },
  }, async (req) => {
    const store = await storeOf(req);
    const { flowId } = req.params as { flowId: string };
    return flowView(await importFlow(db, store.id, req.body, { publish: (req.query as { publish?: boolean }).publish === true, now: s.clock.now(), flowId }));
  });
  app.post('/api/stores/:storeId/flows/:flowId/status', {
    schema: { tags: ['flows'], summary: 'Go live, pause or make draft; runs in flight keep their version', security: sec, params: FlowParams, body: Type.Object({ status: Type.Union([Type.Literal('live'), Type.Literal('paused'), Type.Literal('draft')]) }), response: { 200: FlowView } },
  }, async (req) => {
    const store = await storeOf(req);
    const { flowId } = req.params as { flowId: string };
    const { status } = req.body as { status: 'live' | 'paused' | 'draft' };
    if (!['live', 'paused', 'draft'].includes(status)) throw new AppError('invalid_body', 'status must be live, paused or draft');
    return flowView(await setFlowStatus(db, store.id, flowId, status, s.clock.now()));
  });
};

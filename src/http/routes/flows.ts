/**
 * Admin API for flows: list, read (any version), save a new version, publish, pause, validate a
 * draft without saving it, start from a ready-made template, and live counts per node.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { FlowDefinition } from '../../contracts/flow.ts';
import { exportFlow, importFlow, templateKeys } from '../../flows/definition/publish.ts';
import { flowProblems } from '../../flows/definition/validate.ts';
import { READY_FLOWS } from '../../flows/templates/ready-flows.ts';
import { AppError } from '../../kernel/errors.ts';
import { nodeCounts } from '../../reports/node-counts.ts';
import { deleteUnusedFlow, getFlow, listFlows, listFlowVersions, setFlowStatus, type Flow } from '../../store/queries/flows.ts';
import { getStore } from '../../store/queries/stores.ts';
import { ADMIN_SECURITY as sec } from '../auth.ts';
import { period, Period } from './period.ts';
import { StoreParams } from './stores.ts';

const FlowParams = Type.Object({ storeId: Type.String({ maxLength: 64 }), flowId: Type.String({ maxLength: 64 }) });
const FlowView = Type.Object({
  id: Type.String(), name: Type.String(), trigger: Type.String(), status: Type.String(), liveVersion: Type.Union([Type.Integer(), Type.Null()]), latestVersion: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
const Publish = Type.Object({ publish: Type.Optional(Type.Boolean({ default: false })) });
const Create = Type.Object({ ...Publish.properties, create: Type.Optional(Type.Boolean({ default: false, description: 'only create: 409 conflict if a flow of that name exists (instead of adding a version to it)' })) });
const Problem = Type.Object({ node: Type.Optional(Type.String()), message: Type.String() });

function flowView(f: Flow) {
  return { id: f.id, name: f.name, trigger: f.trigger, status: f.status, liveVersion: f.live_version, latestVersion: f.latest_version, updatedAt: new Date(f.updated_at).toISOString() };
}

export const flowRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const db = s.database.db;
  const storeOf = async (req: FastifyRequest) => getStore(db, (req.params as { storeId: string }).storeId);
  const flowOf = async (req: FastifyRequest) => getFlow(db, (await storeOf(req)).id, (req.params as { flowId: string }).flowId);

  app.get('/api/flow-templates', {
    schema: { tags: ['flows'], summary: 'The ready-made flows a store can start from', security: sec, response: { 200: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), description: Type.String(), definition: FlowDefinition })) } },
  }, async () => READY_FLOWS.map((f, i) => ({ key: ['helpful-two-step', 'classic-three-step', 'day-based'][i]!, name: f.name, description: f.description ?? '', definition: f })));

  app.get('/api/stores/:storeId/flows', { schema: { tags: ['flows'], security: sec, params: StoreParams, response: { 200: Type.Array(FlowView) } } }, async (req) => (await listFlows(db, (await storeOf(req)).id)).map(flowView));

  app.post('/api/stores/:storeId/flows', {
    schema: { tags: ['flows'], summary: 'Import a flow definition as a new version (of the flow with that name, or a new flow)', security: sec, params: StoreParams, querystring: Create, body: Type.Unknown(), response: { 201: FlowView } },
  }, async (req, reply) => {
    const store = await storeOf(req);
    const q = req.query as { publish?: boolean; create?: boolean };
    const flow = await importFlow(db, store.id, req.body, { publish: q.publish === true, create: q.create === true, now: s.clock.now() });
    return reply.status(201).send(flowView(flow));
  });

  app.post('/api/stores/:storeId/flows/validate', {
    schema: { tags: ['flows'], summary: 'Check a definition without saving it: every problem, each with its node, in the order to fix them', security: sec, params: StoreParams, body: Type.Unknown(), response: { 200: Type.Object({ valid: Type.Boolean(), problems: Type.Array(Problem) }) } },
  }, async (req) => {
    const keys = await templateKeys(db, (await storeOf(req)).id);
    const problems = flowProblems(req.body, (k) => keys.has(k));
    return { valid: problems.length === 0, problems };
  });

  app.get('/api/stores/:storeId/flows/:flowId', { schema: { tags: ['flows'], summary: 'A flow with its newest definition', security: sec, params: FlowParams, response: { 200: Type.Object({ ...FlowView.properties, definition: FlowDefinition }) } } }, async (req) => {
    const flow = await flowOf(req);
    return { ...flowView(flow), definition: await exportFlow(db, flow.store_id, flow.id) };
  });

  app.get('/api/stores/:storeId/flows/:flowId/versions', {
    schema: { tags: ['flows'], summary: 'Every saved version, newest first', security: sec, params: FlowParams, response: { 200: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), live: Type.Boolean() })) } },
  }, async (req) => {
    const flow = await flowOf(req);
    return (await listFlowVersions(db, flow.id)).map((v) => ({ version: v.version, createdAt: new Date(v.created_at).toISOString(), live: v.version === flow.live_version }));
  });

  app.get('/api/stores/:storeId/flows/:flowId/versions/:version', {
    schema: { tags: ['flows'], summary: 'One saved version, exactly as runs enrolled in it execute it', security: sec, params: Type.Object({ ...FlowParams.properties, version: Type.Integer({ minimum: 1 }) }), response: { 200: FlowDefinition } },
  }, async (req) => {
    const flow = await flowOf(req);
    return exportFlow(db, flow.store_id, flow.id, (req.params as { version: number }).version);
  });

  app.put('/api/stores/:storeId/flows/:flowId', {
    schema: { tags: ['flows'], summary: 'Save a new version of this flow; ?publish=true makes it live (runs in flight keep theirs)', security: sec, params: FlowParams, querystring: Publish, body: Type.Unknown(), response: { 200: FlowView } },
  }, async (req) => {
    const flow = await flowOf(req);
    return flowView(await importFlow(db, flow.store_id, req.body, { publish: (req.query as { publish?: boolean }).publish === true, now: s.clock.now(), flowId: flow.id }));
  });

  app.post('/api/stores/:storeId/flows/:flowId/status', {
    schema: { tags: ['flows'], summary: 'Go live, pause or make draft; runs in flight keep their version', security: sec, params: FlowParams, body: Type.Object({ status: Type.Union([Type.Literal('live'), Type.Literal('paused'), Type.Literal('draft')]) }, { additionalProperties: false }), response: { 200: FlowView } },
  }, async (req) => {
    const flow = await flowOf(req);
    return flowView(await setFlowStatus(db, flow.store_id, flow.id, (req.body as { status: 'live' | 'paused' | 'draft' }).status, s.clock.now()));
  });

  app.delete('/api/stores/:storeId/flows/:flowId', {
    schema: { tags: ['flows'], summary: 'Delete a flow that never enrolled anyone (a flow with history can be paused, not deleted)', security: sec, params: FlowParams },
  }, async (req, reply) => {
    const flow = await flowOf(req);
    if (!(await deleteUnusedFlow(db, flow.id))) throw new AppError('conflict', `"${flow.name}" has runs; pause it instead, so its history stays in the reports`);
    return reply.status(204).send();
  });

  app.get('/api/stores/:storeId/flows/:flowId/counts', {
    schema: { tags: ['flows'], summary: 'Per node: runs waiting there now, and for the period messages sent/skipped, opens, clicks, recovered orders and revenue (all versions)', security: sec, params: FlowParams, querystring: Period },
  }, async (req) => {
    const flow = await flowOf(req);
    const { from, to } = period(req.query as object, s.clock.now());
    return nodeCounts(db, flow, from, to);
  });
};

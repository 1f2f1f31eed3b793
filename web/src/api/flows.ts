/**
 * Flows of a store: the list, one flow with its newest definition, its versions, live counts per
 * node, validation of an unsaved draft, and the ready templates. Every key starts with
 * ['stores', storeId, 'flows'], so a save can invalidate the whole area at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { FlowDefinition } from '../../../src/contracts/flow.ts';

export type { FlowDefinition, FlowNode, NodeOf, Check, Discount } from '../../../src/contracts/flow.ts';

export type FlowStatus = 'live' | 'paused' | 'draft';
export interface FlowSummary { id: string; name: string; trigger: string; status: FlowStatus; liveVersion: number | null; latestVersion: number; updatedAt: string }
export interface FlowDetail extends FlowSummary { definition: FlowDefinition }
export interface FlowVersion { version: number; createdAt: string; live: boolean }
export interface FlowTemplate { key: string; name: string; description: string; definition: FlowDefinition }
export interface FlowProblem { node?: string; message: string }
export interface Validation { valid: boolean; problems: FlowProblem[] }
export interface NodeCount { waiting: number; sent: number; skipped: number; failed: number; opened: number; clicked: number; recoveredOrders: number; recoveredRevenue: number }
export interface FlowCounts { flowId: string; from: string; to: string; entered: number; outcomes: Record<string, number>; nodes: Record<string, NodeCount> }
export interface TemplateEntry { key: string; locale: string; builtIn: boolean; version: number | null }

const DAY = 86_400_000;
const base = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/flows`;
const one = (storeId: string, flowId: string) => `${base(storeId)}/${encodeURIComponent(flowId)}`;

export const flowKeys = {
  all: (storeId: string) => ['stores', storeId, 'flows'] as const,
  list: (storeId: string) => ['stores', storeId, 'flows', 'list'] as const,
  flow: (storeId: string, flowId: string) => ['stores', storeId, 'flows', 'flow', flowId] as const,
  versions: (storeId: string, flowId: string) => ['stores', storeId, 'flows', 'flow', flowId, 'versions'] as const,
  version: (storeId: string, flowId: string, v: number) => ['stores', storeId, 'flows', 'flow', flowId, 'versions', v] as const,
  counts: (storeId: string, flowId: string, days: number) => ['stores', storeId, 'flows', 'flow', flowId, 'counts', days] as const,
  validate: (storeId: string, def: unknown) => ['stores', storeId, 'flows', 'validate', def] as const,
  templates: (storeId: string) => ['stores', storeId, 'flows', 'ready-templates'] as const,
  emailTemplates: (storeId: string) => ['stores', storeId, 'flows', 'email-templates'] as const,
};

export function useFlows(storeId: string) {
  return useQuery({ queryKey: flowKeys.list(storeId), queryFn: () => api.get<FlowSummary[]>(base(storeId)) });
}

export function useFlow(storeId: string, flowId: string | undefined) {
  return useQuery({ queryKey: flowKeys.flow(storeId, flowId ?? ''), queryFn: () => api.get<FlowDetail>(one(storeId, flowId!)), enabled: !!flowId });
}

export function useFlowVersions(storeId: string, flowId: string | undefined) {
  return useQuery({ queryKey: flowKeys.versions(storeId, flowId ?? ''), queryFn: () => api.get<FlowVersion[]>(`${one(storeId, flowId!)}/versions`), enabled: !!flowId });
}

/** A saved version never changes, so it is fetched once. */
export function useFlowVersion(storeId: string, flowId: string | undefined, version: number | null) {
  return useQuery({
    queryKey: flowKeys.version(storeId, flowId ?? '', version ?? 0),
    queryFn: () => api.get<FlowDefinition>(`${one(storeId, flowId!)}/versions/${version}`),
    enabled: !!flowId && version !== null,
    staleTime: Infinity,
  });
}

/** Live counts over the last `days` days, refreshed while the page is open (runs move on their own). */
export function useFlowCounts(storeId: string, flowId: string | undefined, days: number) {
  return useQuery({
    queryKey: flowKeys.counts(storeId, flowId ?? '', days),
    queryFn: () => {
      const to = Date.now();
      const q = new URLSearchParams({ from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() });
      return api.get<FlowCounts>(`${one(storeId, flowId!)}/counts?${q}`);
    },
    enabled: !!flowId,
    refetchInterval: 30_000,
  });
}

/** The server's verdict on a draft; `def` should already be debounced (each new value is a request). */
export function useFlowValidation(storeId: string, def: FlowDefinition | undefined) {
  return useQuery({
    queryKey: flowKeys.validate(storeId, def),
    queryFn: () => api.post<Validation>(`${base(storeId)}/validate`, def),
    enabled: def !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useReadyTemplates(storeId: string) {
  return useQuery({ queryKey: flowKeys.templates(storeId), queryFn: () => api.get<FlowTemplate[]>('/api/flow-templates'), staleTime: Infinity });
}

/** The email template keys a send step can use (built-in and the store's own), each once. */
export function useEmailTemplateKeys(storeId: string) {
  return useQuery({
    queryKey: flowKeys.emailTemplates(storeId),
    queryFn: async () => [...new Set((await api.get<TemplateEntry[]>(`/api/stores/${encodeURIComponent(storeId)}/templates`)).map((t) => t.key))],
    staleTime: 60_000,
  });
}

export interface SaveInput { definition: FlowDefinition; publish: boolean }

/** Creates a flow; a name in use is a 409 (create=true), never a version added to that other flow. */
export function useCreateFlow(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ definition, publish }: SaveInput) => api.post<FlowSummary>(`${base(storeId)}?create=true${publish ? '&publish=true' : ''}`, definition),
    onSuccess: (flow, { definition }) => {
      // The builder opens the new flow next: it has everything already.
      qc.setQueryData<FlowDetail>(flowKeys.flow(storeId, flow.id), { ...flow, definition });
      void qc.invalidateQueries({ queryKey: flowKeys.list(storeId) });
    },
  });
}

/** Saves a new version (a draft, or the live one with publish); runs in flight keep theirs. */
export function useSaveFlow(storeId: string, flowId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ definition, publish }: SaveInput) => api.put<FlowSummary>(`${one(storeId, flowId)}${publish ? '?publish=true' : ''}`, definition),
    onSuccess: (flow, { definition }) => {
      qc.setQueryData<FlowDetail>(flowKeys.flow(storeId, flowId), { ...flow, definition });
      void qc.invalidateQueries({ queryKey: flowKeys.versions(storeId, flowId), exact: true });
      void qc.invalidateQueries({ queryKey: flowKeys.list(storeId) });
    },
  });
}

export function useSetFlowStatus(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ flowId, status }: { flowId: string; status: FlowStatus }) => api.post<FlowSummary>(`${one(storeId, flowId)}/status`, { status }),
    onSuccess: (flow) => {
      qc.setQueryData<FlowDetail>(flowKeys.flow(storeId, flow.id), (d) => (d ? { ...d, ...flow } : d));
      void qc.invalidateQueries({ queryKey: flowKeys.versions(storeId, flow.id), exact: true });
      void qc.invalidateQueries({ queryKey: flowKeys.list(storeId) });
    },
  });
}

/** Only a flow that never enrolled anyone; otherwise the server answers 409 conflict with the reason. */
export function useDeleteFlow(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (flowId: string) => api.delete(one(storeId, flowId)),
    onSuccess: (_v, flowId) => {
      qc.removeQueries({ queryKey: flowKeys.flow(storeId, flowId) });
      void qc.invalidateQueries({ queryKey: flowKeys.list(storeId) });
    },
  });
}

/**
 * The dashboard's data: GET /api/stores/:id/dashboard for a period (src/reports/dashboard.ts), the
 * step labels of the flows it reports on, and the store's simulated demo data (count, removal).
 * Money is in minor units of the store currency; rates are fractions (0.25), null when undefined.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.ts';
import { keys } from './keys.ts';

export interface GroupStats { entered: number; converted: number; conversionRate: number | null; revenue: number; revenuePerEntrant: number | null }

export interface StepRow {
  flowId: string;
  nodeId: string;
  variant: string | null;
  sent: number;
  skipped: number;
  failed: number;
  opened: number;
  clicked: number;
  openRate: number | null;
  clickRate: number | null;
  recoveredOrders: number;
  recoveredRevenue: number;
  revenueShare: number | null;
}

export interface FlowStats {
  flowId: string;
  name: string;
  entered: number;
  treated: GroupStats;
  holdout: GroupStats;
  lift: { absolute: number; relative: number | null; incrementalRevenue: number | null } | null;
  messagesSent: number;
  opened: number;
  clicked: number;
  recoveredOrders: number;
  recoveredRevenue: number;
  recoveryRate: number | null;
  steps: StepRow[];
}

export interface Lift {
  treated: { entered: number; converted: number; rate: number };
  holdout: { entered: number; converted: number; rate: number };
  /** treated minus holdout purchase rate, as a fraction (0.031 is 3.1 points) */
  absolute: number;
  relative: number | null;
  ci95: { low: number; high: number } | null;
  significant: boolean;
  incrementalRevenue: number;
}

export interface Funnel { abandoned: number; reachable: number; contacted: number; opened: number; clicked: number; recovered: number; abandonedValue: number }
export interface DayRow { date: string; abandoned: number; sent: number; recoveredOrders: number; recoveredRevenue: number }

export interface Dashboard {
  storeId: string;
  from: string;
  to: string;
  currency: string;
  timezone: string;
  kpis: {
    abandonedCarts: number; reachableCarts: number; reachableShare: number | null;
    messagesSent: number; opened: number; clicked: number; openRate: number | null; clickRate: number | null;
    recoveredOrders: number; recoveredRevenue: number; recoveryRate: number | null;
    revenuePerMessage: number | null; cost: number | null; roi: number | null;
  };
  lift: Lift | null;
  funnel: Funnel;
  series: DayRow[];
  estimator: { monthlyAbandoned: number; recoveryRate: number | null; averageCartValue: number | null; monthlyRecovered: number | null };
  flows: FlowStats[];
}

export interface Period { from: string; to: string }

export function useDashboard(storeId: string, period: Period) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'dashboard', period.from, period.to],
    queryFn: () => api.get<Dashboard>(`/api/stores/${encodeURIComponent(storeId)}/dashboard?${new URLSearchParams({ ...period })}`),
    // Switching the period keeps the old figures on screen (dimmed) instead of a spinner.
    placeholderData: (prev) => prev,
  });
}

interface FlowNode { id: string; type: string; label?: string }

/**
 * The names people gave the steps of each flow ("Anything we can help with?"), by node id, from
 * the flow's current definition. Node ids carry over between versions, so the newest names apply.
 */
export function useStepLabels(storeId: string, flowIds: string[]): Map<string, string> {
  const results = useQueries({
    queries: flowIds.map((flowId) => ({
      // The flow builder's own key and answer (api/flows.ts: the raw GET of the flow), so both share
      // one cache entry and a saved flow's new step names show here too.
      queryKey: [...keys.store(storeId), 'flows', 'flow', flowId],
      queryFn: () => api.get<{ definition: { nodes: FlowNode[] } }>(`/api/stores/${encodeURIComponent(storeId)}/flows/${encodeURIComponent(flowId)}`),
      select: (f: { definition: { nodes: FlowNode[] } }) => f.definition.nodes,
      staleTime: 60_000,
    })),
  });
  const labels = new Map<string, string>();
  results.forEach((r, i) => r.data?.forEach((n) => n.label && labels.set(`${flowIds[i]}|${n.id}`, n.label)));
  return labels;
}

export interface DemoData { simulatedContacts: number; simulatedOrders: number; simulatedMessages: number }

const NONE: DemoData = { simulatedContacts: 0, simulatedOrders: 0, simulatedMessages: 0 };

export function useDemoData(storeId: string) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'demo-data'],
    // A server without the demo-data API has no demo data to speak of (the store itself exists:
    // StoreScope checked).
    queryFn: () => api.get<DemoData>(`/api/stores/${encodeURIComponent(storeId)}/demo-data`).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return NONE;
      throw e;
    }),
    staleTime: 60_000,
  });
}

/** Removes every simulated shopper and all that hangs on them; every figure of the store changes. */
export function useRemoveDemoData(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ removedContacts: number }>(`/api/stores/${encodeURIComponent(storeId)}/demo-data`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.store(storeId) }),
  });
}

/**
 * One store's settings, keys and connection checks (the settings area). The store record is also
 * in the store list (useStores), which other pages read their currency or name from, so a save
 * writes the answer into both and marks the rest of the store's data stale (currency, time zone or
 * attribution change what dashboards show).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { Store, StoreSettings } from './types.ts';
import type { DeliverabilityReport } from '../../../src/contracts/deliverability.ts';

export type { DeliverabilityReport, DnsCheck } from '../../../src/contracts/deliverability.ts';

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}`;
export const settingsKeys = {
  detail: (storeId: string) => [...keys.store(storeId), 'settings'] as const,
  activity: (storeId: string) => [...keys.store(storeId), 'activity'] as const,
  connect: (storeId: string) => [...keys.store(storeId), 'connect'] as const,
};

export type EventSource = 'snippet' | 'shopify' | 'woocommerce' | 'server';
export interface StoreActivity {
  lastEventAt: string | null;
  lastHour: number;
  last24Hours: number;
  recent: Array<{ name: string; receivedAt: string; source: EventSource }>;
}
/** Addresses from the server's CARTBACK_PUBLIC_URL: what shoppers' browsers and platforms reach. */
export interface ConnectInfo {
  publicUrl: string;
  snippetUrl: string;
  trackUrl: string;
  shopifyWebhookUrl: string;
  woocommerceWebhookUrl: string;
  bounceWebhookUrl: string;
}
export interface StorePatch { name?: string; settings?: Partial<StoreSettings> }
export interface NewStore { name: string; settings: Partial<StoreSettings> }

function remember(qc: QueryClient, store: Store): void {
  qc.setQueryData(settingsKeys.detail(store.id), store);
  qc.setQueryData<Store[]>(keys.stores, (list) => list?.map((s) => (s.id === store.id ? store : s)));
}

/** Starts from the store list's copy (already loaded by the store scope), then refetches. */
export function useStoreDetail(storeId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: settingsKeys.detail(storeId),
    queryFn: () => api.get<Store>(storePath(storeId)),
    initialData: () => qc.getQueryData<Store[]>(keys.stores)?.find((s) => s.id === storeId),
    initialDataUpdatedAt: () => qc.getQueryState(keys.stores)?.dataUpdatedAt,
  });
}

export function useUpdateStore(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: StorePatch) => api.patch<Store>(storePath(storeId), patch),
    onSuccess: (store) => {
      remember(qc, store);
      void qc.invalidateQueries({ queryKey: keys.store(storeId), predicate: (q) => q.queryKey[2] !== 'settings' });
    },
  });
}

/** Polled while the install check is on screen; `live` turns polling off elsewhere. */
export function useStoreActivity(storeId: string, live: boolean) {
  return useQuery({
    queryKey: settingsKeys.activity(storeId),
    queryFn: () => api.get<StoreActivity>(`${storePath(storeId)}/activity`),
    refetchInterval: live ? 3000 : false,
    refetchIntervalInBackground: false,
  });
}

export function useConnectInfo(storeId: string) {
  return useQuery({ queryKey: settingsKeys.connect(storeId), queryFn: () => api.get<ConnectInfo>(`${storePath(storeId)}/connect`), staleTime: Infinity });
}

export function useVerifyMail(storeId: string) {
  return useMutation({ mutationFn: () => api.post<{ ok: boolean; mailer: string; error?: string }>(`${storePath(storeId)}/mail/verify`) });
}

/** SPF, DKIM and DMARC of the saved sender's domain, asked on demand (DNS can take a few seconds). */
export function useCheckDns(storeId: string) {
  return useMutation({ mutationFn: () => api.get<DeliverabilityReport>(`${storePath(storeId)}/deliverability`) });
}

/** The new write key is in this answer only; the old one stops working at once. */
export function useRotateWriteKey(storeId: string) {
  return useMutation({ mutationFn: () => api.post<{ writeKey: string }>(`${storePath(storeId)}/write-key`) });
}

export function useRotatePublicKey(storeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ publicKey: string }>(`${storePath(storeId)}/public-key`),
    onSuccess: ({ publicKey }) => {
      const current = qc.getQueryData<Store>(settingsKeys.detail(storeId));
      if (current) remember(qc, { ...current, publicKey });
    },
  });
}

/** A store with the ready-made flows; its write key is in this answer only. */
export function useCreateStore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewStore) => api.post<Store & { writeKey: string }>('/api/stores', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.stores, exact: true }),
  });
}

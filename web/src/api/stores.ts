/** Stores (tenants). The list feeds the store picker; pages read their store from the route. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { Store } from './types.ts';

export function useStores() {
  return useQuery({ queryKey: keys.stores, queryFn: () => api.get<Store[]>('/api/stores'), staleTime: 30_000 });
}

/**
 * The store a page is about comes from the URL (/stores/:storeId/...), so every view can be
 * bookmarked and shared. The last one opened is remembered for "/" and for pages outside a store.
 */
import { useParams } from 'react-router';
import { useStores } from '../api/stores.ts';
import type { Store } from '../api/types.ts';

const KEY = 'cartback.store';

export function rememberStore(storeId: string): void {
  try {
    localStorage.setItem(KEY, storeId);
  } catch {
    /* nothing to remember with; the first store is a fine default */
  }
}

/** The remembered store if it still exists, else the first one. */
export function defaultStoreId(stores: Store[]): string | undefined {
  let last: string | null = null;
  try {
    last = localStorage.getItem(KEY);
  } catch {
    /* ignore */
  }
  return stores.find((s) => s.id === last)?.id ?? stores[0]?.id;
}

/** The :storeId of the current route; only for pages under /stores/:storeId. */
export function useStoreId(): string {
  const { storeId } = useParams();
  if (!storeId) throw new Error('useStoreId outside /stores/:storeId');
  return storeId;
}

/** The current store's record (name, settings, currency...), once the store list is loaded. */
export function useCurrentStore(): Store | undefined {
  const storeId = useStoreId();
  return useStores().data?.find((s) => s.id === storeId);
}

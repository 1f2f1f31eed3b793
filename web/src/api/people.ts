/**
 * Carts and contacts (src/http/routes/people.ts): the searchable lists, paged newest first by a
 * (time, id) cursor, and one contact with their carts and timeline. Rows are the server's database
 * rows: snake_case, instants as epoch ms, money in minor units of the row's currency.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';

export const CART_STATUSES = ['active', 'abandoned', 'recovered', 'purchased', 'expired'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];
export const CONTACT_STATUSES = ['subscribed', 'unsubscribed', 'suppressed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface CartItem { key: string; sku: string | null; productId: string | null; name: string | null; price: number; quantity: number; imageUrl: string | null; url: string | null; variant: string | null }

export interface Cart {
  id: string;
  external_id: string;
  contact_id: string | null;
  status: CartStatus;
  items: CartItem[];
  item_count: number;
  value: number;
  currency: string;
  started_at: number;
  last_activity_at: number;
  abandoned_at: number | null;
  enrolled_at: number | null;
  purchased_at: number | null;
  restore_url: string | null;
}
/** A cart in the list also names its shopper. */
export interface CartRow extends Cart { email: string | null; first_name: string | null; last_name: string | null }

export interface Contact {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  timezone: string | null;
  email_consent: number | null;
  unsubscribed_at: number | null;
  suppressed_at: number | null;
  suppressed_reason: string | null;
  traits: Record<string, unknown>;
  created_at: number;
  simulated: number;
}

export interface CartFilters { q?: string; status?: CartStatus; minValue?: number; maxValue?: number; from?: string; to?: string }
export interface ContactFilters { q?: string; status?: ContactStatus; simulated?: boolean }

const PAGE = 50;

/** The query string of the filters that are set (undefined and '' are left out). */
function query(filters: object, extra: Record<string, string | number>): string {
  const entries = Object.entries({ ...filters, ...extra }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

type Cursor = { before: number; beforeId: string } | null;

function usePagedList<T extends { id: string }>(storeId: string, what: 'carts' | 'contacts', filters: object, timeOf: (row: T) => number) {
  return useInfiniteQuery({
    queryKey: [...keys.store(storeId), what, 'list', filters],
    queryFn: ({ pageParam }: { pageParam: Cursor }) => api.get<T[]>(`/api/stores/${encodeURIComponent(storeId)}/${what}?${query(filters, { limit: PAGE, ...(pageParam ?? {}) })}`),
    initialPageParam: null as Cursor,
    // A short page is the last one; otherwise continue after its last row.
    getNextPageParam: (last: T[]) => (last.length < PAGE ? undefined : { before: timeOf(last.at(-1)!), beforeId: last.at(-1)!.id }),
    placeholderData: (prev) => prev,
  });
}

export const useCarts = (storeId: string, filters: CartFilters) => usePagedList<CartRow>(storeId, 'carts', filters, (c) => c.last_activity_at);
export const useContacts = (storeId: string, filters: ContactFilters) => usePagedList<Contact>(storeId, 'contacts', filters, (c) => c.created_at);

/** Whether the store has seen any cart at all (the dashboard's "connect your store" hint). */
export function useHasAnyCart(storeId: string) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'carts', 'any'],
    queryFn: async () => (await api.get<CartRow[]>(`/api/stores/${encodeURIComponent(storeId)}/carts?limit=1`)).length > 0,
  });
}

/** Why a message went out or did not, one reason at a time (src/reports/explain.ts). */
export type Reason =
  | { code: 'entered_flow'; flowId: string; flowName: string; version: number; at: string; holdout: boolean }
  | { code: 'waited'; node: string; duration: string }
  | { code: 'postponed'; cause: 'quiet_hours' | 'returned_to_store'; at: string; until: string | null }
  | { code: 'checks_passed'; checks: string[] }
  | { code: 'stopped'; check: string; cause?: 'hard_bounce' | 'complaint' }
  | { code: 'delivery'; status: string; detail: string | null };

export interface Run { id: string; flow_id: string; flow_version: number; flowName: string; holdout: number; state: string; exit_reason: string | null; started_at: number; ended_at: number | null; node_id: string }
export interface Message {
  id: string; run_id: string; node_id: string; flow_id: string; flowName: string; status: string; reason: string | null; subject: string | null;
  variant: string | null; to_address: string | null; discount_code: string | null; opened_at: number | null; clicked_at: number | null; why: Reason[];
}
export interface Order { id: string; external_id: string; total: number; currency: string; recovered: number; attributed_message_id: string | null; attributed_flow_id: string | null; attributed_node_id: string | null; attributed_variant: string | null; refunded_at: number | null; cart_id: string | null }

/** One line of the timeline; `kind` says what `data` holds. */
export type TimelineEntry = { at: string; summary: string } & (
  | { kind: 'event'; data: { id: string; properties: Record<string, unknown> | null; traits: Record<string, unknown> | null } }
  | { kind: 'run'; data: Run }
  | { kind: 'message_sent' | 'message_skipped' | 'message_failed' | 'message_uncertain' | 'message_sending'; data: Message }
  | { kind: 'postponed'; data: { id: string; node_id: string | null; kind: 'quiet_hours' | 'returned_to_store'; until: number | null; flowName: string } }
  | { kind: 'open' | 'click' | 'restore' | 'unsubscribe'; data: { id: string; message_id: string; url: string | null } }
  | { kind: 'order'; data: Order }
);

export interface ContactDetail { contact: Contact; carts: Cart[]; timeline: TimelineEntry[] }

export function useContact(storeId: string, contactId: string) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'contacts', 'one', contactId],
    queryFn: () => api.get<ContactDetail>(`/api/stores/${encodeURIComponent(storeId)}/contacts/${encodeURIComponent(contactId)}`),
  });
}

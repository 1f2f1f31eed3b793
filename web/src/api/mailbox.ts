/**
 * The dev mailbox (src/http/routes/mailbox.ts): mail kept instead of sent when a store has no SMTP
 * server. The list comes without bodies, in pages of older mail (`before` = the last row's time);
 * one message comes with its HTML, text and headers.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';

export interface MailSummary {
  id: string;
  message_id: string | null;
  to_address: string;
  from_address: string;
  subject: string;
  /** epoch ms, the paging cursor */
  created_at: number;
  createdAt: string;
}
export interface Mail extends MailSummary {
  html: string;
  text: string;
  /** header names in lower case, values as sent (non-ASCII as RFC 2047 encoded words) */
  headers: Record<string, string>;
}

const PAGE = 30;
const path = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/mailbox`;
export const mailboxKeys = {
  list: (storeId: string, q: string) => [...keys.store(storeId), 'mailbox', 'list', q] as const,
  one: (storeId: string, id: string) => [...keys.store(storeId), 'mailbox', 'mail', id] as const,
  mailer: (storeId: string) => [...keys.store(storeId), 'mailer'] as const,
};

export function useMailbox(storeId: string, q: string) {
  return useInfiniteQuery({
    queryKey: mailboxKeys.list(storeId, q),
    queryFn: ({ pageParam }) =>
      api.get<MailSummary[]>(`${path(storeId)}?${new URLSearchParams({ summary: 'true', limit: String(PAGE), ...(q ? { q } : {}), ...(pageParam ? { before: String(pageParam.at), beforeId: pageParam.id } : {}) })}`),
    initialPageParam: null as { at: number; id: string } | null,
    // (time, id): mail of the same millisecond on both sides of a page boundary is not skipped
    getNextPageParam: (last) => {
      const end = last.at(-1);
      return last.length < PAGE || !end ? undefined : { at: end.created_at, id: end.id };
    },
    // A mailbox is watched while something is being tried out: new mail shows up by itself.
    refetchInterval: 10_000,
  });
}

export function useMail(storeId: string, id: string | null) {
  return useQuery({
    queryKey: mailboxKeys.one(storeId, id ?? ''),
    queryFn: () => api.get<Mail>(`${path(storeId)}/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    staleTime: Infinity, // a delivered message never changes
  });
}

/**
 * Which mailer sends the store's mail ("dev mailbox", or "smtp host:port"). The check connects to
 * an SMTP server, so it is asked only when the mailbox is empty and once per visit.
 */
export function useMailer(storeId: string, enabled: boolean) {
  return useQuery({
    queryKey: mailboxKeys.mailer(storeId),
    queryFn: () => api.post<{ ok: boolean; mailer: string; error?: string }>(`/api/stores/${encodeURIComponent(storeId)}/mail/verify`),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

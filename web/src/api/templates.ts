/**
 * Email templates (src/http/routes/templates.ts): the list of keys × locales, one source, saving a
 * new version, previews of unsaved source, test sends. A preview is a query keyed by the source
 * itself, so typing back to an earlier text shows its cached rendering at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.ts';
import type { FlowDefinition } from '../../../src/contracts/flow.ts';
import { keys } from './keys.ts';

export const TEMPLATE_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export interface TemplateEntry { key: string; locale: TemplateLocale; builtIn: boolean; version: number | null }
export interface TemplateDraft { mjml: string; text: string }
export interface TemplateSource extends TemplateDraft { key: string; locale: TemplateLocale; version: number | null; builtIn: boolean }
export interface RenderedEmail { subject: string; preheader: string; html: string; text: string }
/** A reason the server refused a template; `line` counts in `part` (the MJML document or the text). */
export interface TemplateProblem { part?: 'mjml' | 'text'; line?: number; message: string }
/** What a preview or a test renders with: the sample shopper, or a real cart of the store. */
export interface PreviewData { cartId: string | null; discount: boolean }

const path = (storeId: string, key?: string, locale?: string) =>
  [`/api/stores/${encodeURIComponent(storeId)}/templates`, ...(key && locale ? [encodeURIComponent(key), encodeURIComponent(locale)] : [])].join('/');
const query = (d: PreviewData) => `?${new URLSearchParams({ discount: String(d.discount), ...(d.cartId ? { cartId: d.cartId } : {}) })}`;

export const templateKeys = {
  all: (storeId: string) => [...keys.store(storeId), 'templates'] as const,
  source: (storeId: string, key: string, locale: string) => [...keys.store(storeId), 'templates', key, locale] as const,
  preview: (storeId: string, key: string, locale: string, draft: TemplateDraft | null, data: PreviewData) => [...keys.store(storeId), 'templates', key, locale, 'preview', draft, data] as const,
};

/** The problems in an invalid_template answer; empty for any other failure. */
export function templateProblems(err: unknown): TemplateProblem[] {
  if (!(err instanceof ApiError) || err.code !== 'invalid_template') return [];
  return Array.isArray(err.details) && err.details.length > 0 ? (err.details as TemplateProblem[]) : [{ message: err.message }];
}

export function useTemplates(storeId: string) {
  return useQuery({ queryKey: templateKeys.all(storeId), queryFn: () => api.get<TemplateEntry[]>(path(storeId)) });
}

export function useTemplateSource(storeId: string, key: string, locale: string) {
  // The editor copies the source into its own state; refetching under it would only confuse.
  return useQuery({ queryKey: templateKeys.source(storeId, key, locale), queryFn: () => api.get<TemplateSource>(path(storeId, key, locale)), refetchOnWindowFocus: false, staleTime: Infinity });
}

export function useSaveTemplate(storeId: string, key: string, locale: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: TemplateDraft) => api.put<{ version: number; subject: string }>(path(storeId, key, locale), draft),
    onSuccess: (saved, draft) => {
      qc.setQueryData<TemplateSource>(templateKeys.source(storeId, key, locale), (old) => old && { ...old, ...draft, version: saved.version, builtIn: false });
      void qc.invalidateQueries({ queryKey: templateKeys.all(storeId), exact: true });
    },
  });
}

/** The rendering of `draft` (null: nothing to render yet). The last one stays shown while the next loads. */
export function usePreview(storeId: string, key: string, locale: string, draft: TemplateDraft | null, data: PreviewData) {
  return useQuery({
    queryKey: templateKeys.preview(storeId, key, locale, draft, data),
    queryFn: () => api.post<RenderedEmail>(`${path(storeId, key, locale)}/preview${query(data)}`, draft),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

export function useSendTest(storeId: string, key: string, locale: string) {
  return useMutation({
    mutationFn: ({ to, draft, data }: { to: string; draft: TemplateDraft; data: PreviewData }) =>
      api.post<{ sent: boolean; to: string; mailer: string }>(`${path(storeId, key, locale)}/test${query(data)}`, { ...draft, to }),
  });
}

export interface FlowUse { id: string; name: string; status: string }

/**
 * Which flows send each template key (a step's template or one of its A/B variants), from the
 * flows' newest definitions. A store has a handful of flows, so one request each is cheap.
 */
export function useTemplateUsage(storeId: string) {
  return useQuery({
    queryKey: [...templateKeys.all(storeId), 'usage'] as const,
    queryFn: async () => {
      const base = `/api/stores/${encodeURIComponent(storeId)}/flows`;
      const flows = await api.get<FlowUse[]>(base);
      const defs = await Promise.all(flows.map((f) => api.get<FlowUse & { definition: FlowDefinition }>(`${base}/${encodeURIComponent(f.id)}`)));
      const usage = new Map<string, FlowUse[]>();
      for (const f of defs) {
        const used = new Set(f.definition.nodes.flatMap((n) => (n.type === 'send_email' ? [n.template, ...(n.variants ?? []).map((v) => v.template)] : [])));
        for (const key of used) usage.set(key, [...(usage.get(key) ?? []), { id: f.id, name: f.name, status: f.status }]);
      }
      return usage;
    },
    staleTime: 60_000,
  });
}

/** A cart to preview with, as the carts search answers (only what the picker shows). */
export interface CartChoice { id: string; external_id: string; email: string | null; first_name: string | null; status: string; value: number; currency: string; item_count: number; last_activity_at: number }

/** The store's carts whose shopper's email starts with `q` (or whose id is `q`), latest first. */
export function useCartChoices(storeId: string, q: string) {
  return useQuery({
    queryKey: [...keys.store(storeId), 'carts', 'choices', q] as const,
    queryFn: () => api.get<CartChoice[]>(`/api/stores/${encodeURIComponent(storeId)}/carts?${new URLSearchParams({ limit: '10', ...(q ? { q } : {}) })}`),
    placeholderData: keepPreviousData,
  });
}

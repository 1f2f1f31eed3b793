/**
 * The API's invalid_body answer, turned into one message per field. Its details name each problem
 * by path: objects from request validation ({ instancePath: '/settings/quietHours/start', keyword,
 * params }) or "path message" lines from the settings check (paths relative to the settings). The
 * field is the first part of the path (quietHours); a list entry (allowedOrigins/1) is named by its
 * position. A field with its own help text (settings.errors.<field>) says what is expected; others
 * get a message for the kind of problem.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client.ts';
import { i18n } from '../../../i18n/index.ts';

export type FieldErrors = Partial<Record<string, string>>;

interface Problem {
  path: string[];
  keyword?: string;
  params?: Record<string, unknown>;
  message: string;
}

function toProblem(d: unknown): Problem | null {
  if (typeof d === 'string') {
    const [path = '', ...rest] = d.split(' ');
    return { path: segments(path), message: rest.join(' ') };
  }
  if (d && typeof d === 'object' && 'instancePath' in d) {
    const o = d as { instancePath: string; keyword?: string; params?: Record<string, unknown>; message?: string };
    return { path: segments(o.instancePath), keyword: o.keyword, params: o.params, message: o.message ?? '' };
  }
  return null;
}

const segments = (p: string) => p.split('/').filter((s, i) => s !== '' && !(i === 1 && s === 'settings'));

function describe(t: TFunction, p: Problem): string {
  const field = p.path[0] ?? '';
  const own = `settings.errors.fields.${field}`;
  const base = i18n.exists(own)
    ? t(own as 'settings.errors.generic')
    : p.keyword && i18n.exists(`settings.errors.kinds.${p.keyword}`)
      ? t(`settings.errors.kinds.${p.keyword}` as 'settings.errors.generic', { limit: p.params?.limit ?? '' })
      : t('settings.errors.generic', { message: p.message });
  const index = p.path[1] !== undefined && /^\d+$/.test(p.path[1]) ? Number(p.path[1]) : null;
  return index === null ? base : t('settings.errors.entry', { n: index + 1, message: base });
}

/** Field messages for an invalid_body error (or invalid_dkim_key, which names its field the same way); empty for any other error (shown as a toast instead). */
export function fieldErrors(t: TFunction, err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || (err.code !== 'invalid_body' && err.code !== 'invalid_dkim_key') || !Array.isArray(err.details)) return {};
  const out: FieldErrors = {};
  for (const d of err.details) {
    const p = toProblem(d);
    const field = p?.path[0];
    if (p && field && !out[field]) out[field] = describe(t, p);
  }
  return out;
}

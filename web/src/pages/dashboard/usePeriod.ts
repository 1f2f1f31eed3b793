/**
 * The dashboard's period, kept in the address (?days=7, or ?from=2026-03-01&to=2026-03-31) so a
 * view can be bookmarked and shared. Presets are the last N days including today; all days are
 * the store's (see zonedDays.ts). The API's `to` is the end of the last day, so the query key stays
 * the same all day long and the figures are cached rather than refetched on every render.
 */
import { useSearchParams } from 'react-router';
import { addDays, dayIn, dayRange } from './zonedDays.ts';

export const PRESETS = [7, 30, 90] as const;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface PeriodState {
  /** 7, 30 or 90, or null for a custom range */
  preset: (typeof PRESETS)[number] | null;
  first: string;
  last: string;
  /** the API's half-open [from, to) as ISO instants */
  from: string;
  to: string;
  setPreset: (days: (typeof PRESETS)[number]) => void;
  setCustom: (first: string, last: string) => void;
}

export function usePeriod(tz: string): PeriodState {
  const [params, setParams] = useSearchParams();
  const today = dayIn(tz);
  const from = params.get('from');
  const to = params.get('to');
  const custom = from && to && DAY_RE.test(from) && DAY_RE.test(to) && from <= to ? { first: from, last: to } : null;
  const days = PRESETS.find((d) => String(d) === params.get('days')) ?? 30;
  const first = custom?.first ?? addDays(today, 1 - days);
  const last = custom?.last ?? today;
  return {
    preset: custom ? null : days,
    first,
    last,
    ...dayRange(first, last, tz),
    setPreset: (d) => setParams({ days: String(d) }, { replace: true }),
    setCustom: (f, l) => setParams({ from: f, to: l }, { replace: true }),
  };
}

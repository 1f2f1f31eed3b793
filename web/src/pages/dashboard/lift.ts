/**
 * The lift over the holdout said honestly: in percentage points with its 95% interval, and a
 * verdict that only claims an effect when the interval excludes zero (src/reports/dashboard.ts).
 */
import { currentLocale } from '../../i18n/index.ts';
import type { Lift } from '../../api/reports.ts';

export type Verdict = 'helped' | 'hurt' | 'unclear';

export function verdictOf(lift: Lift): Verdict {
  if (!lift.significant || !lift.ci95) return 'unclear';
  return lift.absolute > 0 ? 'helped' : 'hurt';
}

const formats = new Map<string, Intl.NumberFormat>();

/** A difference of rates (0.031) in percentage points ("+3.1"); the sign is always shown. */
export function formatPoints(fraction: number, signed = true): string {
  const key = `${currentLocale()}|${signed}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' })));
  return f.format(fraction * 100);
}

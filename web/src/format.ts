/**
 * Numbers, money and dates for people, in the interface language, through Intl. Formatters are
 * cached per locale (building one costs far more than using it; tables format hundreds of cells).
 * Money arrives as integer minor units plus an ISO 4217 code: 12345 USD is $123.45, 12345 JPY is
 * ¥12,345. The digits come from Intl, as on the server (src/kernel/money.ts).
 */
import { currentLocale } from './i18n/index.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** Minor digits of a currency: 2 for USD and CNY, 0 for JPY and KRW, 3 for KWD. */
export function minorDigits(currency: string): number {
  return cached(`digits|${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, opts: { compact?: boolean } = {}): string {
  const locale = currentLocale();
  const f = cached(`money|${locale}|${currency}|${opts.compact ? 'c' : ''}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}) }),
  );
  return f.format(minor / 10 ** minorDigits(currency));
}

export function formatNumber(n: number, opts: { compact?: boolean } = {}): string {
  const locale = currentLocale();
  return cached(`num|${locale}|${opts.compact ? 'c' : ''}`, () => new Intl.NumberFormat(locale, opts.compact ? { notation: 'compact' } : {})).format(n);
}

/** A ratio (0.253) as a percentage (25.3%). */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  const locale = currentLocale();
  return cached(`pct|${locale}|${fractionDigits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits })).format(ratio);
}

type DateInput = string | number | Date;
const toDate = (d: DateInput) => (d instanceof Date ? d : new Date(d));

/** A day: "Mar 4, 2026" / "2026年3月4日". */
export function formatDate(d: DateInput): string {
  const locale = currentLocale();
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(toDate(d));
}

/** A moment, in the viewer's own time zone: "Mar 4, 2026, 14:05". */
export function formatDateTime(d: DateInput): string {
  const locale = currentLocale();
  return cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(toDate(d));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000], ['month', 30 * 86_400_000], ['week', 7 * 86_400_000],
  ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000],
];

/** "3 hours ago", "in 2 days", relative to now. */
export function formatRelative(d: DateInput, now: number = Date.now()): string {
  const locale = currentLocale();
  const diff = toDate(d).getTime() - now;
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1000];
  return cached(`rel|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(Math.round(diff / ms), unit);
}

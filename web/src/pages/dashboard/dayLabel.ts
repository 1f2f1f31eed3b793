/**
 * A day of the daily series ('YYYY-MM-DD', already the store's day) as a short label: "Mar 4" or
 * "3月4日". Formatted at UTC on purpose: the string names a calendar day, and the viewer's own zone
 * must not move it to the day before.
 */
import { currentLocale } from '../../i18n/index.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(long: boolean): Intl.DateTimeFormat {
  const key = `${currentLocale()}|${long}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', month: 'short', day: 'numeric', ...(long ? { year: 'numeric' } : {}) })));
  return f;
}

export function dayLabel(day: string, opts: { withYear?: boolean } = {}): string {
  return format(!!opts.withYear).format(new Date(`${day}T00:00:00Z`));
}

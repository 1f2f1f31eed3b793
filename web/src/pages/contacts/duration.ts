/**
 * An ISO 8601 duration of a flow's wait ("PT30H", "P1DT12H") for people: "30 hours", "1 day and
 * 12 hours", "30小时". Units and plurals come from Intl, so both languages read naturally.
 */
import { currentLocale } from '../../i18n/index.ts';

const UNITS = [['W', 'week'], ['D', 'day'], ['H', 'hour'], ['M', 'minute'], ['S', 'second']] as const;
const RE = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function formatDuration(iso: string): string {
  const m = RE.exec(iso);
  if (!m) return iso; // not one of ours: show it as written
  const locale = currentLocale();
  const parts = UNITS.flatMap(([, unit], i) => {
    const n = Number(m[i + 1] ?? 0);
    return n ? [new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n)] : [];
  });
  if (parts.length === 0) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
}

/** "a, b and c" / "a、b和c" in the interface language. */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * Currencies and time zones from the browser's own Intl data, named in the interface language.
 * Building the lists formats a few hundred names, so each is made once per language.
 */
import type { ComboboxItem } from '@mantine/core';
import { currentLocale } from '../../../i18n/index.ts';

const cache = new Map<string, ComboboxItem[]>();
function once(key: string, make: () => ComboboxItem[]): ComboboxItem[] {
  let v = cache.get(key);
  if (!v) cache.set(key, (v = make()));
  return v;
}

/** ISO 4217 codes, "EUR · Euro", sorted by code. */
export function currencyOptions(): ComboboxItem[] {
  const locale = currentLocale();
  return once(`cur|${locale}`, () => {
    const names = new Intl.DisplayNames(locale, { type: 'currency' });
    return Intl.supportedValuesOf('currency').map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
  });
}

/** "+08:00" for Asia/Shanghai today (offsets move with daylight saving; this is the current one). */
function offsetOf(zone: string): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return (part?.value ?? 'GMT').replace('GMT', 'UTC').replace(/^UTC$/, 'UTC±00:00');
}

/** IANA zones with their current UTC offset, "Asia/Shanghai (UTC+08:00)"; UTC first. */
export function timeZoneOptions(): ComboboxItem[] {
  return once('tz', () => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')].map((zone) => ({ value: zone, label: zone === 'UTC' ? 'UTC' : `${zone.replaceAll('_', ' ')} (${offsetOf(zone)})` })));
}

/** The list, plus `value` when the list lacks it (an alias such as Asia/Calcutta), so it still shows. */
export function withValue(options: ComboboxItem[], value: string): ComboboxItem[] {
  return !value || options.some((o) => o.value === value) ? options : [{ value, label: value }, ...options];
}

/** The zone this browser is in: a good default for a new store. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

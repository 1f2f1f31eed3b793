/** A currency's sign in the interface language ("$", "US$", "¥"), for the prefix of a money input. */
import { currentLocale } from '../../i18n/index.ts';

export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/**
 * Money is stored as integer minor units (cents, fen; yen have none) with its ISO 4217 currency,
 * so sums are exact. The number of minor digits comes from the runtime's ICU data.
 */
const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorDigits(currency));
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

// Building an Intl.NumberFormat costs ~20 µs, formatting ~1 µs; an email formats a dozen amounts.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f.format(fromMinor(minor, currency));
}

// ICU formats any three letters as a currency; the list it knows is what tells a real one.
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the runtime knows (USD, CNY, TWD, JPY, …); lower case or unknown codes are not. */
export function isCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

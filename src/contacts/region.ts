/**
 * Where a shopper is, as far as the law on marketing email cares: in the EU/EEA or the UK (where
 * the ePrivacy Directive, art. 13, and the UK's PECR want prior consent), elsewhere, or unknown.
 *
 * The evidence, first that answers wins:
 *   1. a country trait: `country`, `country_code`, `address.country`, `address.country_code`
 *      (an ISO 3166 alpha-2 code, or a country's name in English, Chinese or an EU language);
 *   2. the contact's IANA time zone (`Europe/Paris` is in, `America/Toronto` is out; UTC and
 *      the `Etc/` zones say nothing);
 *   3. the region of the contact's locale (`de-AT` is in, `en-US` is out; `de` alone says nothing).
 * A value none of these recognizes is no evidence, never "elsewhere". What to do with `unknown`
 * is the caller's decision (reachability.ts treats it as EU: the safe side).
 */
import { isTimeZone } from '../kernel/timezone.ts';
import { countryFromName } from './country-names.ts';

export type Region = 'eu' | 'other' | 'unknown';
export interface Located { region: Region; by: 'country' | 'timezone' | 'locale' | null }

/** EU members, the rest of the EEA (IS, LI, NO), the UK, and EU outermost regions with their own ISO codes. */
export const EU_EEA_UK = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO', 'GB', 'AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF',
]);

/**
 * Zones of those countries. Crown dependencies and Svalbard are counted in: not strictly members,
 * but with rules as strict, and the safe side costs nothing there. The legacy CET/EET/WET/MET
 * names are European. Everything else that is a real zone counts as elsewhere.
 */
const EU_ZONES = new Set([
  'Europe/Vienna', 'Europe/Brussels', 'Europe/Sofia', 'Europe/Zagreb', 'Asia/Nicosia', 'Asia/Famagusta', 'Europe/Nicosia', 'Europe/Prague', 'Europe/Copenhagen',
  'Europe/Tallinn', 'Europe/Helsinki', 'Europe/Mariehamn', 'Europe/Paris', 'Europe/Berlin', 'Europe/Busingen', 'Europe/Athens', 'Europe/Budapest', 'Europe/Dublin',
  'Eire', 'Europe/Rome', 'Europe/Riga', 'Europe/Vilnius', 'Europe/Luxembourg', 'Europe/Malta', 'Europe/Amsterdam', 'Europe/Warsaw', 'Poland', 'Europe/Lisbon',
  'Portugal', 'Atlantic/Madeira', 'Atlantic/Azores', 'Europe/Bucharest', 'Europe/Bratislava', 'Europe/Ljubljana', 'Europe/Madrid', 'Africa/Ceuta', 'Atlantic/Canary',
  'Europe/Stockholm', 'Atlantic/Reykjavik', 'Iceland', 'Europe/Vaduz', 'Europe/Oslo', 'Arctic/Longyearbyen', 'Atlantic/Jan_Mayen', 'Europe/London', 'Europe/Belfast',
  'GB', 'GB-Eire', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man', 'America/Cayenne', 'America/Guadeloupe', 'America/Martinique', 'America/Marigot',
  'Indian/Reunion', 'Indian/Mayotte', 'CET', 'EET', 'WET', 'MET',
].map((z) => z.toLowerCase()));

const SAYS_NOTHING = /^(etc\/|utc$|gmt|uct$|universal$|zulu$|greenwich$|factory$)/i;

type Traits = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function fromCountry(traits: Traits): Region {
  const address = (typeof traits.address === 'object' && traits.address !== null ? traits.address : {}) as Traits;
  for (const v of [traits.country, traits.country_code, traits.countryCode, address.country, address.country_code, address.countryCode]) {
    const code = countryFromName(str(v));
    if (code) return EU_EEA_UK.has(code) ? 'eu' : 'other';
  }
  return 'unknown';
}

function fromTimeZone(tz: string | null | undefined): Region {
  const zone = str(tz);
  if (!zone || SAYS_NOTHING.test(zone)) return 'unknown';
  if (EU_ZONES.has(zone.toLowerCase())) return 'eu';
  return isTimeZone(zone) ? 'other' : 'unknown';
}

function fromLocale(locale: string | null | undefined): Region {
  const tag = str(locale);
  if (!tag) return 'unknown';
  try {
    const region = new Intl.Locale(tag.replace(/_/g, '-')).region?.toUpperCase();
    if (!region || !/^[A-Z]{2}$/.test(region)) return 'unknown'; // a UN M.49 number (es-419) names no country
    return EU_EEA_UK.has(region) ? 'eu' : 'other';
  } catch {
    return 'unknown';
  }
}

export function locateShopper(c: { traits: string | Traits; timezone: string | null; locale: string | null }): Located {
  let traits: Traits = {};
  try {
    traits = typeof c.traits === 'string' ? (JSON.parse(c.traits) as Traits) : c.traits;
  } catch {
    /* unreadable traits are no evidence */
  }
  const timezone = c.timezone ?? str(traits.timezone);
  const steps: Array<[Located['by'] & string, () => Region]> = [['country', () => fromCountry(traits ?? {})], ['timezone', () => fromTimeZone(timezone)], ['locale', () => fromLocale(c.locale)]];
  for (const [by, find] of steps) {
    const region = find();
    if (region !== 'unknown') return { region, by };
  }
  return { region: 'unknown', by: null };
}

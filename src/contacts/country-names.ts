/**
 * A country as a shop or a pipeline writes it, to an ISO 3166 alpha-2 code: a code ("de", "GB"),
 * or a name in one of the languages shoppers of a Cartback store are likely to use. The names come
 * from the ICU data Node ships (Intl.DisplayNames), so there is no country list to keep up to date
 * here; only the common spellings ICU does not give are added. Built once, on first use.
 */
const LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs', 'el', 'hu', 'ro'];

/** Spellings and codes ICU has no name for (alpha-3 codes of common shopping countries, EU shorthands). */
const EXTRA: Record<string, string> = {
  uk: 'GB', el: 'GR', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', holland: 'NL',
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', america: 'US', prc: 'CN', roc: 'TW',
  aut: 'AT', bel: 'BE', bgr: 'BG', hrv: 'HR', cyp: 'CY', cze: 'CZ', dnk: 'DK', est: 'EE', fin: 'FI', fra: 'FR', deu: 'DE', grc: 'GR', hun: 'HU', irl: 'IE',
  ita: 'IT', lva: 'LV', ltu: 'LT', lux: 'LU', mlt: 'MT', nld: 'NL', pol: 'PL', prt: 'PT', rou: 'RO', svk: 'SK', svn: 'SI', esp: 'ES', swe: 'SE', isl: 'IS',
  lie: 'LI', nor: 'NO', gbr: 'GB', can: 'CA', aus: 'AU', nzl: 'NZ', chn: 'CN', hkg: 'HK', twn: 'TW', mac: 'MO', jpn: 'JP', kor: 'KR', sgp: 'SG', mys: 'MY',
  che: 'CH', mex: 'MX', bra: 'BR', ind: 'IN', 香港: 'HK', 澳门: 'MO', 澳門: 'MO', 臺灣: 'TW',
};

/** A code ICU keeps only as an alias of another (DD for DE, UK for GB) names that other one. */
function canonical(code: string): string {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(`und-${code}`)[0]!).region ?? code;
  } catch {
    return code;
  }
}

let names: Map<string, string> | undefined;

function build(): Map<string, string> {
  const out = new Map<string, string>(Object.entries(EXTRA));
  const A = 'A'.charCodeAt(0);
  const codes = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(A + Math.floor(i / 26), A + (i % 26))).filter((c) => canonical(c) === c);
  for (const lang of LANGUAGES) {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      const name = display.of(code);
      if (!name || name === code) continue;
      const key = normalize(name);
      if (!out.has(key)) out.set(key, code);
    }
  }
  return out;
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The alpha-2 code `value` names, or undefined when it is not recognized. */
export function countryFromName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = normalize(value);
  names ??= build();
  if (/^[a-z]{2}$/.test(v) && !names.has(v)) {
    // A two-letter value is a code if ICU knows it as a region.
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(v.toUpperCase()) ? v.toUpperCase() : undefined;
  }
  return names.get(v);
}

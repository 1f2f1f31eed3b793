/**
 * The ready-made templates that ship with Cartback, in every supported locale.
 * Sources are assembled from ./templates on first use and compiled at most once per process.
 */
import { composeSource } from './assemble.ts';
import { compileTemplate, type CompiledTemplate, type TemplateSource } from './compile.ts';

export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

export const BUILT_IN_KEYS: readonly string[] = [
  'helpful-1',
  'helpful-2',
  'classic-1',
  'classic-2',
  'classic-3',
  'day-1',
  'day-3',
  'day-5',
];

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Maps a BCP 47-ish tag to a supported locale, or null when its language is not one we have. */
function match(tag: string | null | undefined): Locale | null {
  const subtags = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (subtags[0] === 'en') return 'en';
  if (subtags[0] !== 'zh') return null;
  // The script decides when given (zh-Hans-HK is Simplified); otherwise the region does.
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.includes('hant')) return 'zh-TW';
  return subtags.some((s) => TRADITIONAL_REGIONS.has(s)) ? 'zh-TW' : 'zh-CN';
}

export function pickLocale(requested: string | null | undefined, fallback: string): Locale {
  return match(requested) ?? match(fallback) ?? 'en';
}

function isBuiltIn(key: string, locale: string): locale is Locale {
  return BUILT_IN_KEYS.includes(key) && (LOCALES as readonly string[]).includes(locale);
}

const sources = new Map<string, TemplateSource>();
const compiled = new Map<string, Promise<CompiledTemplate>>();

/** The assembled, self-contained source, e.g. to export a built-in as a starting point for editing. */
export function builtInSource(key: string, locale: string): TemplateSource | undefined {
  if (!isBuiltIn(key, locale)) return undefined;
  const id = `${key}:${locale}`;
  let source = sources.get(id);
  if (!source) {
    source = composeSource(key, locale);
    sources.set(id, source);
  }
  return source;
}

/**
 * The compiled built-in, or undefined for an unknown key or a locale not in LOCALES (run the
 * contact's language through pickLocale first). Async because MJML 5 compiles asynchronously;
 * concurrent first calls share one compilation.
 */
export function builtInTemplate(key: string, locale: string): Promise<CompiledTemplate | undefined> {
  const source = builtInSource(key, locale);
  if (!source) return Promise.resolve(undefined);
  const id = `${key}:${locale}`;
  let pending = compiled.get(id);
  if (!pending) {
    pending = compileTemplate(key, locale, source);
    // A failure is a bug in a shipped template; don't cache it, so the error shows on every call.
    pending.catch(() => compiled.delete(id));
    compiled.set(id, pending);
  }
  return pending;
}

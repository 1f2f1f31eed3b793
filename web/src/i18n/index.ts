/**
 * The interface language: English and Simplified Chinese. The choice lives in localStorage (so the
 * sign-in page already speaks it) and, once signed in, in the user's profile (so it follows them to
 * another browser); see useChangeLocale. Keys are typed from the English text (resources.ts, i18next.d.ts).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zh } from './resources.ts';

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];

const STORAGE_KEY = 'cartback.locale';

/** The supported locale a BCP 47 tag maps to, or null (zh-TW reads Simplified better than English). */
export function toLocale(tag: string | null | undefined): Locale | null {
  const t = tag?.toLowerCase();
  if (!t) return null;
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return null;
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be blocked; the browser language still applies
  }
}

const initial = toLocale(stored()) ?? toLocale(navigator.language) ?? 'en';
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: LOCALES.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes
});

export function currentLocale(): Locale {
  return toLocale(i18n.language) ?? 'en';
}

/** Switches the interface (this browser only; useChangeLocale also saves it to the profile). */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* the switch still holds for this page */
  }
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };

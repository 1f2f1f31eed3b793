/**
 * Names people read for template keys and locales. The built-in keys (src/channels/email/built-in.ts)
 * have a name saying what the email does; a store's own keys are shown as they were named.
 */
import { useTranslation } from 'react-i18next';
import type { TemplateLocale } from '../../api/templates.ts';
import { i18n } from '../../i18n/index.ts';

export function useTemplateLabels() {
  const { t } = useTranslation();
  return {
    /** "Helpful: anything we can help with?" for helpful-1; null for a key the store made up */
    name: (key: string): string | null => {
      const id = `templates.names.${key}`;
      return i18n.exists(id) ? t(id as 'templates.names.helpful-1') : null;
    },
    locale: (locale: string): string => t(`templates.locales.${locale as TemplateLocale}`, { defaultValue: locale }),
  };
}

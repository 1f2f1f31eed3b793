/** Switching the interface language from the header: this browser at once, the profile when signed in. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { useUpdateMe } from '../api/users.ts';
import { applyLocale, currentLocale, type Locale } from './index.ts';

export function useChangeLocale(): { locale: Locale; change: (l: Locale) => void } {
  useTranslation(); // re-render on a language change
  const { data: session } = useSession();
  const updateMe = useUpdateMe();
  return {
    locale: currentLocale(),
    change: (l) => {
      void applyLocale(l);
      // Saved quietly: a failure leaves this browser switched, which is what the user sees anyway.
      if (session && session.user.locale !== l) updateMe.mutate({ locale: l });
    },
  };
}

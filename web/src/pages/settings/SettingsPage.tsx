/** Store settings, keys and connections (GET/PATCH /api/stores/:id). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')} description={t('settings.description')}>
      <ComingSoon />
    </Page>
  );
}

/** Every template key and locale (GET /api/stores/:id/templates). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('templates.title')} description={t('templates.description')}>
      <ComingSoon />
    </Page>
  );
}

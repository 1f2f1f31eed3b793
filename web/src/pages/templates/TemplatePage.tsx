/** The MJML editor for one template in one locale (GET/PUT /api/stores/:id/templates/:key/:locale). Placeholder until built. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function TemplatePage() {
  const { t } = useTranslation();
  const { key, locale } = useParams();
  return (
    <Page title={t('template.title')} description={`${key ?? ''} · ${locale ?? ''}`}>
      <ComingSoon />
    </Page>
  );
}

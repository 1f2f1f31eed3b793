/** Carts and their status (GET /api/stores/:id/carts). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function CartsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('carts.title')} description={t('carts.description')}>
      <ComingSoon />
    </Page>
  );
}

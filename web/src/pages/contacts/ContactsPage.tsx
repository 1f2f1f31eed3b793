/** Contacts, searchable by email (GET /api/stores/:id/contacts). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function ContactsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('contacts.title')} description={t('contacts.description')}>
      <ComingSoon />
    </Page>
  );
}

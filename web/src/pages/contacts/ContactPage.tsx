/** One contact: traits, consent, carts and timeline (GET /api/stores/:id/contacts/:contactId). Placeholder until built. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function ContactPage() {
  const { t } = useTranslation();
  const { contactId } = useParams();
  return (
    <Page title={t('contact.title')} description={contactId}>
      <ComingSoon />
    </Page>
  );
}

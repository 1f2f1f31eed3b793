/** Mail the dev mailbox kept (GET /api/stores/:id/mailbox). Placeholder until the area is built; keep the Page frame. */
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { Page } from '../../components/Page.tsx';

export function MailboxPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('mailbox.title')} description={t('mailbox.description')}>
      <ComingSoon />
    </Page>
  );
}

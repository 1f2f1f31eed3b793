/**
 * Why the mailbox is empty. Without a mail server set, the store's mail is kept here, so nothing
 * has been sent yet; with one, mail really leaves and is never kept here, which an empty list
 * alone would not say. The store's mailer (its label, from the mail check) tells them apart.
 */
import { IconInbox, IconSend, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMailer } from '../../api/mailbox.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';

export function MailboxEmpty({ storeId, searching }: { storeId: string; searching: boolean }) {
  const { t } = useTranslation();
  const mailer = useMailer(storeId, !searching);
  if (searching) return <EmptyState icon={IconSearch} title={t('mailbox.noMatch')}>{t('mailbox.noMatchBody')}</EmptyState>;
  if (mailer.isPending) return <PageLoader />;
  const label = mailer.data?.mailer ?? '';
  if (label.startsWith('smtp')) {
    return (
      <EmptyState icon={IconSend} title={t('mailbox.smtpTitle')}>
        {t('mailbox.smtpBody', { mailer: label.replace(/^smtp\s*/, '') })}
      </EmptyState>
    );
  }
  return <EmptyState icon={IconInbox} title={t('mailbox.emptyTitle')}>{t('mailbox.emptyBody')}</EmptyState>;
}

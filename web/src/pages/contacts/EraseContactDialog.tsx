/**
 * Deleting a contact for good (a data-protection request), confirmed. The dialog names what will
 * go with the counts of a dry run of the same erasure, says what stays (orders as anonymous
 * totals; a fingerprint of an opted-out address), and after the deletion returns to the list.
 */
import { Alert, Button, Group, List, Loader, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useEraseContact, useErasurePreview } from '../../api/privacy.ts';
import { notifySuccess } from '../../components/notify.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

// The tables a person's data lives in, in the order the dialog lists them (the contact row is the title).
const TABLES = ['identities', 'events', 'carts', 'runs', 'run_notes', 'messages', 'link_events', 'discount_codes', 'mailbox'] as const;

export interface EraseContactDialogProps {
  storeId: string;
  contactId: string;
  /** how the page names the contact (their email, else their name) */
  name: string;
  opened: boolean;
  onClose: () => void;
}

export function EraseContactDialog({ storeId, contactId, name, opened, onClose }: EraseContactDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const preview = useErasurePreview(storeId, contactId, opened);
  const erase = useEraseContact(storeId);
  const close = () => {
    erase.reset();
    onClose();
  };
  const confirm = () =>
    erase.mutate(contactId, {
      onSuccess: () => {
        notifySuccess(t('contact.data.erased', { name }));
        void navigate(`/stores/${storeId}/contacts`);
      },
    });
  const p = preview.data;
  return (
    <Modal opened={opened} onClose={close} title={t('contact.data.eraseTitle', { name })} centered>
      <Text size="sm">{t('contact.data.eraseIntro')}</Text>
      {preview.isPending && <Loader size="sm" mt="md" aria-label={t('common.loading')} />}
      {p && (
        <div data-testid="erase-summary">
          <List size="sm" mt="sm" spacing={2}>
            {TABLES.filter((table) => (p.deleted[table] ?? 0) > 0).map((table) => (
              <List.Item key={table}>{t(`contact.data.tables.${table}`, { count: p.deleted[table] })}</List.Item>
            ))}
          </List>
          {p.anonymized.orders > 0 && <Text size="sm" mt="sm">{t('contact.data.ordersKept', { count: p.anonymized.orders })}</Text>}
          {p.suppressions > 0 && <Text size="sm" mt="sm">{t('contact.data.optOutKept')}</Text>}
          <Text size="sm" mt="sm" fw={500}>{t('contact.data.cannotUndo')}</Text>
        </div>
      )}
      {(preview.isError || erase.isError) && (
        <Alert color="red" variant="light" mt="md" role="alert">
          {errorMessage(t, erase.error ?? preview.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={close} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={erase.isPending} disabled={!p}>
          {t('contact.data.eraseSubmit')}
        </Button>
      </Group>
    </Modal>
  );
}

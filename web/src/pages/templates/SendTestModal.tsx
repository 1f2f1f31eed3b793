/**
 * Sends what the editor shows (saved or not, with the preview's data) to one address through the
 * store's mailer, subject marked [Test]. With the dev mailbox nothing leaves the server, so the
 * answer offers the way to the mailbox, filtered to that address.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconMailbox } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useCurrentSession } from '../../api/session.ts';
import { templateProblems, useSendTest, type PreviewData, type TemplateDraft } from '../../api/templates.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

export interface SendTestModalProps {
  opened: boolean;
  onClose: () => void;
  storeId: string;
  templateKey: string;
  locale: string;
  draft: TemplateDraft;
  data: PreviewData;
}

export function SendTestModal({ opened, onClose, storeId, templateKey, locale, draft, data }: SendTestModalProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const send = useSendTest(storeId, templateKey, locale);
  const [to, setTo] = useState(user.email);
  const sent = send.data;

  // The route says why the mail server refused (unavailable); "the server is busy" would mislead.
  const failure = (err: unknown) => {
    if (templateProblems(err).length > 0) return t('template.test.problems');
    if (err instanceof ApiError && err.code === 'unavailable') return t('template.test.failed', { reason: err.message });
    return errorMessage(t, err);
  };
  const close = () => {
    send.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ to: to.trim(), draft, data });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('template.test.title')} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('template.test.description')}
          </Text>
          {send.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {failure(send.error)}
            </Alert>
          )}
          {sent && (
            <Alert color="jade" variant="light" icon={<IconCheck size={18} />} role="status" title={t('template.test.sent', { to: sent.to })}>
              {sent.mailer === 'dev mailbox' ? t('template.test.inMailbox') : t('template.test.viaSmtp', { mailer: sent.mailer })}
            </Alert>
          )}
          <TextInput label={t('template.test.to')} type="email" required value={to} onChange={(e) => setTo(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            {sent?.mailer === 'dev mailbox' && (
              <Button component={Link} to={`/stores/${encodeURIComponent(storeId)}/mailbox?q=${encodeURIComponent(sent.to)}`} variant="light" leftSection={<IconMailbox size={16} aria-hidden />}>
                {t('template.test.openMailbox')}
              </Button>
            )}
            <Button variant="default" onClick={close}>
              {sent ? t('common.close') : t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {sent ? t('template.test.again') : t('template.test.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * "Does the mail server take our connection and credentials?" (POST …/mail/verify). The server
 * checks the SAVED settings, so with an unsaved SMTP change the button waits for a save rather
 * than report on the old server.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerifyMail } from '../../../api/settings.ts';
import { errorMessage } from '../../../i18n/errorMessage.ts';

export function MailCheck({ storeId, unsaved }: { storeId: string; unsaved: boolean }) {
  const { t } = useTranslation();
  const verify = useVerifyMail(storeId);
  const result = verify.data;

  return (
    <Stack gap="sm" align="flex-start">
      <Button variant="light" leftSection={<IconPlugConnected size={16} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending} disabled={unsaved}>
        {t('settings.sending.check')}
      </Button>
      {unsaved && (
        <Text size="xs" c="dimmed">
          {t('settings.sending.checkSaveFirst')}
        </Text>
      )}
      <div aria-live="polite" style={{ width: '100%' }}>
        {!unsaved && result?.ok && (
          <Alert color="jade" variant="light" icon={<IconCircleCheck size={18} />} title={t('settings.sending.checkOk')}>
            {t('settings.sending.checkOkBody', { mailer: result.mailer })}
          </Alert>
        )}
        {!unsaved && result && !result.ok && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('settings.sending.checkFailed', { mailer: result.mailer })}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
              {result.error}
            </Text>
          </Alert>
        )}
        {verify.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(t, verify.error)}
          </Alert>
        )}
      </div>
    </Stack>
  );
}

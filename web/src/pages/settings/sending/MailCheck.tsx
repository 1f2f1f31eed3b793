/**
 * "Does the mail server take our connection and credentials?" (POST …/mail/verify). The server
 * checks the SAVED settings, so with an unsaved SMTP change the button waits for a save rather
 * than report on the old server.
 */
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerifyMail } from '../../../api/settings.ts';
import { SavedSettingsCheck } from './SavedSettingsCheck.tsx';

export function MailCheck({ storeId, unsaved }: { storeId: string; unsaved: boolean }) {
  const { t } = useTranslation();
  const verify = useVerifyMail(storeId);
  const result = verify.data;

  return (
    <SavedSettingsCheck
      label={t('settings.sending.check')}
      icon={<IconPlugConnected size={16} aria-hidden />}
      unsaved={unsaved}
      pending={verify.isPending}
      onCheck={() => verify.mutate()}
      error={verify.isError ? verify.error : null}
    >
      {result?.ok && (
        <Alert color="jade" variant="light" icon={<IconCircleCheck size={18} />} title={t('settings.sending.checkOk')}>
          {t('settings.sending.checkOkBody', { mailer: result.mailer })}
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('settings.sending.checkFailed', { mailer: result.mailer })}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
            {result.error}
          </Text>
        </Alert>
      )}
    </SavedSettingsCheck>
  );
}

/**
 * The frame of a check the server runs on the SAVED settings (the mail server, the DNS records):
 * the button, "save first" while a change is unsaved (the server would report on the old
 * settings), and a polite live region holding the result (`children`, hidden while unsaved) or the
 * request's error.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/errorMessage.ts';

export function SavedSettingsCheck(props: { label: string; icon: ReactNode; unsaved: boolean; pending: boolean; onCheck: () => void; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  const { unsaved } = props;
  return (
    <Stack gap="sm" align="flex-start">
      <Button variant="light" leftSection={props.icon} onClick={props.onCheck} loading={props.pending} disabled={unsaved}>
        {props.label}
      </Button>
      {unsaved && (
        <Text size="xs" c="dimmed">
          {t('settings.sending.checkSaveFirst')}
        </Text>
      )}
      <div aria-live="polite" style={{ width: '100%' }}>
        {!unsaved && props.children}
        {props.error != null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(t, props.error)}
          </Alert>
        )}
      </div>
    </Stack>
  );
}

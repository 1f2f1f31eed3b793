/** A failed load, said plainly, with a way to try again. Pages put it where the data would be. */
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errorMessage.ts';

export function QueryError({ error, onRetry, fullPage }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useTranslation();
  const alert = (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={t('errors.title')} role="alert" maw={560} w="100%">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  return fullPage ? <Center h="100dvh" p="md">{alert}</Center> : alert;
}

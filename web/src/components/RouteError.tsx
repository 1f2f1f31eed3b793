/**
 * A page that failed to render or to load. After a deploy an open tab may ask for a chunk that no
 * longer exists; a reload fetches the new index.html and fixes that, so it is the offered action.
 */
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : null;
  return (
    <Center py={64} px="md">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={t('errors.title')} role="alert" maw={560} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('errors.generic')}</Text>
          {detail && (
            <Text size="xs" c="dimmed" ff="monospace">
              {detail}
            </Text>
          )}
          <Button size="xs" variant="default" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

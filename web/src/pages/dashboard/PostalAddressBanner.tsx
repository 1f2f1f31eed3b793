/**
 * Says why no marketing email goes out while the store has no postal address: the engine skips
 * every send step (`no_postal_address`), and without this the dashboard would only show zeros.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentStore } from '../../app/currentStore.ts';

export function PostalAddressBanner({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const store = useCurrentStore();
  if (!store || store.settings.postalAddress.trim()) return null;
  return (
    <Alert color="red" variant="light" icon={<IconMailOff size={20} aria-hidden />} title={t('dashboard.postal.title')} data-testid="postal-banner">
      <Group justify="space-between" align="flex-end" gap="md">
        <Text size="sm" maw={760}>
          {t('dashboard.postal.body')}
        </Text>
        <Button component={Link} to={`/stores/${storeId}/settings?section=store`} variant="outline" bg="white">
          {t('dashboard.postal.fix')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * Installing the browser snippet: the tag to paste (with this store's public key, pointing at the
 * server's public address), where to paste it, and the live check that it works. Without a domain
 * or an allowed origin the storefront's browsers would be refused, so that is said here.
 */
import { Alert, Anchor, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConnectInfo } from '../../../api/settings.ts';
import type { Store } from '../../../api/types.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { SettingsCard } from '../SettingsCard.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';
import { EventsCheck } from './EventsCheck.tsx';

/** The queue stub lets the page call cartback(...) before the script has loaded (README). */
const snippetTag = (snippetUrl: string, publicKey: string) =>
  `<script>window.cartback=window.cartback||function(){(cartback.q=cartback.q||[]).push(arguments)}</script>\n<script async src="${snippetUrl}" data-key="${publicKey}"></script>`;

export function InstallCard({ store }: { store: Store }) {
  const { t } = useTranslation();
  const connect = useConnectInfo(store.id);
  const noOrigin = !store.settings.domain && store.settings.allowedOrigins.length === 0;

  return (
    <SettingsCard id="settings-install-title" title={t('settings.storefront.installTitle')} description={t('settings.storefront.installDescription')}>
      <Stack gap="md">
        {noOrigin && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Trans i18nKey="settings.storefront.noOrigin" components={{ link: <Anchor component={Link} to="?section=store" /> }} />
          </Alert>
        )}
        {connect.isPending && <Skeleton h={72} />}
        {connect.isError && <QueryError error={connect.error} onRetry={() => void connect.refetch()} />}
        {connect.data && <CopyCode block label={t('settings.storefront.snippetTag')} value={snippetTag(connect.data.snippetUrl, store.publicKey)} testId="snippet-tag" />}
        <List size="sm" spacing={4}>
          <List.Item>{t('settings.storefront.step1')}</List.Item>
          <List.Item>
            <Text size="sm" span>
              {t('settings.storefront.step2')}{' '}
            </Text>
            <Text size="sm" span ff="monospace">
              cartback('track', 'Product Added', {'{'} cart_id, sku, name, price, quantity {'}'})
            </Text>
          </List.Item>
          <List.Item>{t('settings.storefront.step3')}</List.Item>
        </List>
        <EventsCheck storeId={store.id} />
      </Stack>
    </SettingsCard>
  );
}

/**
 * How events reach the store besides the snippet: Shopify and WooCommerce webhooks (their signing
 * secrets save with this section) and the server API's write key (rotated at once, on its own).
 */
import { Stack } from '@mantine/core';
import { useConnectInfo } from '../../../api/settings.ts';
import type { Store } from '../../../api/types.ts';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';
import { WebhookCard } from './WebhookCard.tsx';
import { WriteKeyCard } from './WriteKeyCard.tsx';

const FIELDS = ['shopifyWebhookSecret', 'woocommerceWebhookSecret'] as const;

export function ConnectionsSection({ store }: { store: Store }) {
  const f = useSectionForm(store, FIELDS);
  const connect = useConnectInfo(store.id).data;

  return (
    <Stack gap="lg">
      <SettingsForm form={f}>
        <WebhookCard
          key={`shopify-${f.version}`}
          platform="shopify"
          url={connect?.shopifyWebhookUrl}
          saved={f.saved.shopifyWebhookSecret}
          value={f.values.shopifyWebhookSecret}
          onChange={(s) => f.set('shopifyWebhookSecret', s)}
          error={f.errors.shopifyWebhookSecret}
        />
        <WebhookCard
          key={`woocommerce-${f.version}`}
          platform="woocommerce"
          url={connect?.woocommerceWebhookUrl}
          saved={f.saved.woocommerceWebhookSecret}
          value={f.values.woocommerceWebhookSecret}
          onChange={(s) => f.set('woocommerceWebhookSecret', s)}
          error={f.errors.woocommerceWebhookSecret}
        />
      </SettingsForm>
      <WriteKeyCard storeId={store.id} />
    </Stack>
  );
}

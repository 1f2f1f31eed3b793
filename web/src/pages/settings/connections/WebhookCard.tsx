/**
 * One platform's webhooks (Shopify, WooCommerce): the URL to paste there, the short setup from the
 * README, and the signing secret (masked once set). Deliveries signed with another secret, or
 * arriving before one is set, are refused, so the card says whether it is set.
 */
import { Badge, List, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from '../SettingsCard.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';
import { SecretField } from '../fields/SecretField.tsx';

export interface WebhookCardProps {
  platform: 'shopify' | 'woocommerce';
  /** the delivery URL (undefined while the server's public address loads) */
  url: string | undefined;
  saved: string;
  value: string;
  onChange: (secret: string) => void;
  error?: string;
}

const STEPS = { shopify: ['step1', 'step2', 'step3'], woocommerce: ['step1', 'step2', 'step3'] } as const;

export function WebhookCard({ platform, url, saved, value, onChange, error }: WebhookCardProps) {
  const { t } = useTranslation();
  const k = `settings.connections.${platform}` as const;
  const status = (
    <Badge color={saved ? 'jade' : 'gray'} variant="light">
      {saved ? t('settings.connections.secretSet') : t('settings.connections.secretNotSet')}
    </Badge>
  );
  return (
    <SettingsCard id={`settings-${platform}-title`} title={t(`${k}.title`)} description={t(`${k}.description`)} badge={status}>
      <Stack gap="md">
        {url ? <CopyCode label={t(`${k}.webhookUrl`)} value={url} testId={`${platform}-webhook-url`} /> : <Skeleton h={36} />}
        <List type="ordered" size="sm" spacing={6}>
          {STEPS[platform].map((s) => (
            <List.Item key={s}>{t(`${k}.${s}`)}</List.Item>
          ))}
        </List>
        <SecretField label={t(`${k}.secret`)} description={t(`${k}.secretHelp`)} placeholder={t('settings.connections.secretPlaceholder')} saved={saved} value={value} onChange={onChange} error={error} />
        <Text size="xs" c="dimmed">
          {t(`${k}.note`)}
        </Text>
      </Stack>
    </SettingsCard>
  );
}

/**
 * The sending service's bounce and complaint reports: the webhook URL to paste into Amazon SES
 * (through SNS) or Postmark, the short setup from the README, and the secret that authenticates
 * them (masked once set). The secret goes into the URL as its password; while a new one is typed
 * (before it is masked) the URL is shown with it, ready to copy.
 */
import { Badge, List, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConnectInfo } from '../../../api/settings.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';
import { SecretField } from '../fields/SecretField.tsx';
import type { DeliverabilityForm } from './DeliverabilitySection.tsx';

const STEPS = ['ses', 'postmark', 'generic'] as const;

/** The webhook URL with the secret as the HTTP Basic password (what SNS and Postmark send back). */
export function withSecret(url: string, secret: string): string {
  const u = new URL(url);
  u.username = 'cartback';
  u.password = secret;
  return u.toString();
}

export function BounceWebhookCard({ form: f, storeId }: { form: DeliverabilityForm; storeId: string }) {
  const { t } = useTranslation();
  const url = useConnectInfo(storeId).data?.bounceWebhookUrl;
  const saved = f.saved.bounceWebhookSecret;
  const typed = f.values.bounceWebhookSecret !== saved ? f.values.bounceWebhookSecret : '';
  const status = (
    <Badge color={saved ? 'jade' : 'gray'} variant="light">
      {saved ? t('settings.connections.secretSet') : t('settings.connections.secretNotSet')}
    </Badge>
  );
  return (
    <SettingsCard id="settings-bounces-title" title={t('settings.deliverability.bounces.title')} description={t('settings.deliverability.bounces.description')} badge={status}>
      <Stack gap="md">
        {url ? (
          typed ? (
            <CopyCode label={t('settings.deliverability.bounces.urlWithSecret')} value={withSecret(url, typed)} testId="bounce-webhook-url" />
          ) : (
            <CopyCode label={t('settings.deliverability.bounces.url')} value={url} testId="bounce-webhook-url" />
          )
        ) : (
          <Skeleton h={36} />
        )}
        <SecretField
          key={f.version}
          label={t('settings.deliverability.bounces.secret')}
          description={t('settings.deliverability.bounces.secretHelp')}
          placeholder={t('settings.connections.secretPlaceholder')}
          saved={saved}
          value={f.values.bounceWebhookSecret}
          onChange={(s) => f.set('bounceWebhookSecret', s)}
          error={f.errors.bounceWebhookSecret}
        />
        <List size="sm" spacing={6}>
          {STEPS.map((s) => (
            <List.Item key={s}>{t(`settings.deliverability.bounces.${s}`)}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('settings.deliverability.bounces.note')}
        </Text>
      </Stack>
    </SettingsCard>
  );
}

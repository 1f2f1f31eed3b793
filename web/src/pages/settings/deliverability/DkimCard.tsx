/**
 * The store's own DKIM key: the domain and selector it is published under, and the private key
 * (masked once set, replaced or cleared like any secret). Without all three the instance's key
 * signs, if the server has one. The DNS name to publish the public key at is shown as it is typed.
 */
import { Badge, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from '../SettingsCard.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';
import { SecretField } from '../fields/SecretField.tsx';
import type { DeliverabilityForm } from './DeliverabilitySection.tsx';

export function DkimCard({ form: f, senderDomain }: { form: DeliverabilityForm; senderDomain: string }) {
  const { t } = useTranslation();
  const { values: v, errors: e } = f;
  const own = Boolean(f.saved.dkimDomain && f.saved.dkimSelector && f.saved.dkimPrivateKey);
  const status = (
    <Badge color={own ? 'jade' : 'gray'} variant="light">
      {own ? t('settings.deliverability.dkim.own') : t('settings.deliverability.dkim.instance')}
    </Badge>
  );
  const record = v.dkimDomain && v.dkimSelector ? `${v.dkimSelector}._domainkey.${v.dkimDomain}` : '';
  return (
    <SettingsCard id="settings-dkim-title" title={t('settings.deliverability.dkim.title')} description={t('settings.deliverability.dkim.description')} badge={status}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('settings.deliverability.dkim.domain')} description={t('settings.deliverability.dkim.domainHelp')} placeholder={senderDomain || 'shop.example.com'} value={v.dkimDomain} onChange={(ev) => f.set('dkimDomain', ev.currentTarget.value.trim())} error={e.dkimDomain} />
          <TextInput label={t('settings.deliverability.dkim.selector')} description={t('settings.deliverability.dkim.selectorHelp')} placeholder="cartback" value={v.dkimSelector} onChange={(ev) => f.set('dkimSelector', ev.currentTarget.value.trim())} error={e.dkimSelector} />
        </SimpleGrid>
        <SecretField
          key={f.version}
          multiline
          label={t('settings.deliverability.dkim.privateKey')}
          description={t('settings.deliverability.dkim.privateKeyHelp')}
          placeholder="-----BEGIN PRIVATE KEY-----"
          saved={f.saved.dkimPrivateKey}
          value={v.dkimPrivateKey}
          onChange={(key) => f.set('dkimPrivateKey', key)}
          error={e.dkimPrivateKey}
        />
        {record && <CopyCode label={t('settings.deliverability.dkim.record')} value={record} testId="dkim-record-name" />}
        <Text size="xs" c="dimmed">
          {t('settings.deliverability.dkim.note')}
        </Text>
      </Stack>
    </SettingsCard>
  );
}

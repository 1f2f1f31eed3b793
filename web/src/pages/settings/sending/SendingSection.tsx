/** Who the emails come from, which mail server carries them, and what one costs (for ROI). */
import { NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../api/types.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { SecretField } from '../fields/SecretField.tsx';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';
import { DnsCheck } from './DnsCheck.tsx';
import { MailCheck } from './MailCheck.tsx';

const FIELDS = ['senderName', 'senderEmail', 'smtpUrl', 'costPerMessage'] as const;

export function SendingSection({ store }: { store: Store }) {
  const { t } = useTranslation();
  const f = useSectionForm(store, FIELDS);
  const { values: v, errors: e } = f;
  const fallbackSender = `no-reply@${store.settings.domain || 'cartback.local'}`;

  return (
    <SettingsForm form={f}>
      <SettingsCard id="settings-sender-title" title={t('settings.sending.senderTitle')} description={t('settings.sending.senderDescription')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('settings.sending.senderName')} description={t('settings.sending.senderNameHelp', { store: store.name })} placeholder={store.name} value={v.senderName} onChange={(ev) => f.set('senderName', ev.currentTarget.value)} error={e.senderName} />
          <TextInput type="email" label={t('settings.sending.senderEmail')} description={t('settings.sending.senderEmailHelp', { fallback: fallbackSender })} placeholder={fallbackSender} value={v.senderEmail} onChange={(ev) => f.set('senderEmail', ev.currentTarget.value.trim())} error={e.senderEmail} />
        </SimpleGrid>
      </SettingsCard>

      <SettingsCard id="settings-smtp-title" title={t('settings.sending.smtpTitle')} description={t('settings.sending.smtpDescription')}>
        <Stack gap="md">
          <SecretField
            key={f.version}
            label={t('settings.sending.smtpUrl')}
            description={t('settings.sending.smtpUrlHelp')}
            placeholder="smtp://user:password@mail.example.com:587"
            saved={f.saved.smtpUrl}
            value={v.smtpUrl}
            onChange={(url) => f.set('smtpUrl', url)}
            error={e.smtpUrl}
          />
          {/* A new saved server is a new question: the old answer goes (keyed by the saved URL). */}
          <MailCheck key={f.saved.smtpUrl} storeId={store.id} unsaved={f.changed.includes('smtpUrl')} />
        </Stack>
      </SettingsCard>

      <SettingsCard id="settings-dns-title" title={t('settings.sending.dns.title')} description={t('settings.sending.dns.description')}>
        {/* The answer is about the saved sender: a save starts the question over. */}
        <DnsCheck key={f.version} storeId={store.id} unsaved={f.dirty} />
      </SettingsCard>

      <SettingsCard id="settings-cost-title" title={t('settings.sending.costTitle')}>
        <NumberInput
          label={t('settings.sending.costPerMessage')}
          description={t('settings.sending.costHelp')}
          value={v.costPerMessage ?? ''}
          onChange={(n) => f.set('costPerMessage', typeof n === 'number' ? n : null)}
          min={0}
          max={100}
          decimalScale={6}
          step={0.001}
          placeholder="0.001"
          rightSection={<Text size="xs" c="dimmed">{store.settings.currency}</Text>}
          rightSectionWidth={48}
          styles={{ wrapper: { maxWidth: 320 } }}
          error={e.costPerMessage}
        />
      </SettingsCard>
    </SettingsForm>
  );
}

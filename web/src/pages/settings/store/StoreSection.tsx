/** Who the store is: name, storefront domain, currency, time zone, email language, and the contact details every email carries. */
import { Alert, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../api/types.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { CurrencySelect } from '../fields/CurrencySelect.tsx';
import { TimeZoneSelect } from '../fields/TimeZoneSelect.tsx';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';

const FIELDS = ['name', 'domain', 'currency', 'timezone', 'locale', 'postalAddress', 'supportEmail', 'supportUrl'] as const;
// The languages the ready-made emails are written in (src/channels/email).
const EMAIL_LOCALES = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
  { value: 'zh-TW', label: '繁體中文' },
];

export function StoreSection({ store }: { store: Store }) {
  const { t } = useTranslation();
  const f = useSectionForm(store, FIELDS);
  const { values: v, errors: e } = f;

  return (
    <SettingsForm form={f}>
      <SettingsCard id="settings-store-title" title={t('settings.store.title')} description={t('settings.store.description')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput label={t('settings.store.name')} required value={v.name} onChange={(ev) => f.set('name', ev.currentTarget.value)} error={e.name} maxLength={200} />
          <TextInput label={t('settings.store.domain')} description={t('settings.store.domainHelp')} placeholder="shop.example.com" value={v.domain} onChange={(ev) => f.set('domain', ev.currentTarget.value.trim())} error={e.domain} />
          <CurrencySelect description={t('settings.store.currencyHelp')} value={v.currency} onChange={(c) => f.set('currency', c)} error={e.currency} />
          <TimeZoneSelect description={t('settings.store.timezoneHelp')} value={v.timezone} onChange={(z) => f.set('timezone', z)} error={e.timezone} />
          <Select
            label={t('settings.store.locale')}
            description={t('settings.store.localeHelp')}
            data={EMAIL_LOCALES.some((l) => l.value === v.locale) ? EMAIL_LOCALES : [{ value: v.locale, label: v.locale }, ...EMAIL_LOCALES]}
            value={v.locale}
            onChange={(l) => l && f.set('locale', l)}
            allowDeselect={false}
            error={e.locale}
          />
        </SimpleGrid>
      </SettingsCard>

      <SettingsCard id="settings-contact-title" title={t('settings.store.contactTitle')} description={t('settings.store.contactDescription')}>
        <Stack gap="md">
          {!v.postalAddress.trim() && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('settings.store.postalMissing')}
            </Alert>
          )}
          <Textarea label={t('settings.store.postalAddress')} description={t('settings.store.postalHelp')} withAsterisk autosize minRows={2} maxRows={5} value={v.postalAddress} onChange={(ev) => f.set('postalAddress', ev.currentTarget.value)} error={e.postalAddress} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="email" label={t('settings.store.supportEmail')} placeholder="help@shop.example.com" value={v.supportEmail} onChange={(ev) => f.set('supportEmail', ev.currentTarget.value.trim())} error={e.supportEmail} />
            <TextInput type="url" label={t('settings.store.supportUrl')} placeholder="https://shop.example.com/help" value={v.supportUrl} onChange={(ev) => f.set('supportUrl', ev.currentTarget.value.trim())} error={e.supportUrl} />
          </SimpleGrid>
        </Stack>
      </SettingsCard>
    </SettingsForm>
  );
}

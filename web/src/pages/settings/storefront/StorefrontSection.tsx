/**
 * The browser snippet on the store's pages: installing it (and seeing it work), its key, and what
 * it does there: capture emails, remind returning shoppers, hold back a message, which origins.
 * Install and key act at once; the settings below them save with the section.
 */
import { Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../api/types.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { DurationInput } from '../fields/DurationInput.tsx';
import { ToggleField } from '../fields/ToggleField.tsx';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';
import { InstallCard } from './InstallCard.tsx';
import { PublicKeyCard } from './PublicKeyCard.tsx';

const FIELDS = ['captureEmail', 'emailFields', 'consentField', 'onsiteReminder', 'holdBackOnReturn', 'allowedOrigins'] as const;

export function StorefrontSection({ store }: { store: Store }) {
  const { t } = useTranslation();
  const f = useSectionForm(store, FIELDS);
  const { values: v, errors: e } = f;

  return (
    <Stack gap="lg">
      <InstallCard store={store} />
      <PublicKeyCard store={store} />
      <SettingsForm form={f}>
        <SettingsCard id="settings-capture-title" title={t('settings.storefront.captureTitle')} description={t('settings.storefront.captureDescription')}>
          <Stack gap="md">
            <Switch label={t('settings.storefront.captureEmail')} description={t('settings.storefront.captureEmailHelp')} checked={v.captureEmail} onChange={(ev) => f.set('captureEmail', ev.currentTarget.checked)} />
            <TagsInput
              label={t('settings.storefront.emailFields')}
              description={t('settings.storefront.emailFieldsHelp')}
              value={v.emailFields}
              onChange={(list) => f.set('emailFields', list)}
              maxTags={20}
              splitChars={[',']}
              clearable
              disabled={!v.captureEmail}
              error={e.emailFields}
              styles={{ pill: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput label={t('settings.storefront.consentField')} description={t('settings.storefront.consentFieldHelp')} placeholder="#accepts_marketing" value={v.consentField} onChange={(ev) => f.set('consentField', ev.currentTarget.value)} disabled={!v.captureEmail} error={e.consentField} />
          </Stack>
        </SettingsCard>

        <SettingsCard id="settings-return-title" title={t('settings.storefront.returnTitle')} description={t('settings.storefront.returnDescription')}>
          <Stack gap="lg">
            <Switch label={t('settings.storefront.onsiteReminder')} description={t('settings.storefront.onsiteReminderHelp')} checked={v.onsiteReminder} onChange={(ev) => f.set('onsiteReminder', ev.currentTarget.checked)} />
            <ToggleField label={t('settings.storefront.holdBack')} description={t('settings.storefront.holdBackHelp')} enabled={v.holdBackOnReturn !== null} onToggle={(on) => f.set('holdBackOnReturn', on ? 'PT2H' : null)} error={e.holdBackOnReturn}>
              <DurationInput label={t('settings.storefront.holdBackFor')} value={v.holdBackOnReturn ?? ''} onChange={(d) => f.set('holdBackOnReturn', d)} units={['minutes', 'hours', 'days']} error={!!e.holdBackOnReturn} />
            </ToggleField>
          </Stack>
        </SettingsCard>

        <SettingsCard id="settings-origins-title" title={t('settings.storefront.originsTitle')}>
          <TagsInput
            label={t('settings.storefront.allowedOrigins')}
            description={t('settings.storefront.allowedOriginsHelp', { domain: store.settings.domain || 'shop.example.com' })}
            placeholder="https://www.shop.example.com"
            value={v.allowedOrigins}
            onChange={(list) => f.set('allowedOrigins', list.map((o) => o.trim().replace(/\/+$/, '')))}
            maxTags={20}
            splitChars={[',', ' ']}
            clearable
            error={e.allowedOrigins}
          />
        </SettingsCard>
      </SettingsForm>
    </Stack>
  );
}

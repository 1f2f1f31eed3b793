/** When a cart counts as abandoned, whom and how often Cartback may email, what the email's links and codes look like, and how long raw events are kept. */
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../api/types.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { DurationInput } from '../fields/DurationInput.tsx';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';
import { ConsentChoice } from './ConsentChoice.tsx';
import { DiscountDefaultField } from './DiscountDefaultField.tsx';
import { FrequencyCapField } from './FrequencyCapField.tsx';
import { QuietHoursField } from './QuietHoursField.tsx';
import { RestoreUrlField } from './RestoreUrlField.tsx';
import { RetentionField } from './RetentionField.tsx';

const FIELDS = ['abandonAfter', 'attributionWindow', 'emailConsent', 'quietHours', 'frequencyCap', 'discountPrefix', 'discountDefault', 'restoreUrl', 'eventRetention'] as const;

export function RecoverySection({ store }: { store: Store }) {
  const { t } = useTranslation();
  const f = useSectionForm(store, FIELDS);
  const { values: v, errors: e } = f;

  return (
    <SettingsForm form={f}>
      <SettingsCard id="settings-timing-title" title={t('settings.recovery.timingTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <DurationInput label={t('settings.recovery.abandonAfter')} description={t('settings.recovery.abandonAfterHelp')} value={v.abandonAfter} onChange={(d) => f.set('abandonAfter', d)} error={e.abandonAfter} />
          <DurationInput label={t('settings.recovery.attributionWindow')} description={t('settings.recovery.attributionWindowHelp')} value={v.attributionWindow} onChange={(d) => f.set('attributionWindow', d)} error={e.attributionWindow} units={['hours', 'days', 'weeks']} />
        </SimpleGrid>
      </SettingsCard>

      <SettingsCard id="settings-consent-title" title={t('settings.recovery.consentTitle')}>
        <ConsentChoice value={v.emailConsent} onChange={(c) => f.set('emailConsent', c)} error={e.emailConsent} />
      </SettingsCard>

      <SettingsCard id="settings-limits-title" title={t('settings.recovery.limitsTitle')} description={t('settings.recovery.limitsDescription')}>
        <Stack gap="xl">
          <QuietHoursField value={v.quietHours} onChange={(q) => f.set('quietHours', q)} error={e.quietHours} />
          <FrequencyCapField value={v.frequencyCap} onChange={(c) => f.set('frequencyCap', c)} error={e.frequencyCap} />
        </Stack>
      </SettingsCard>

      <SettingsCard id="settings-links-title" title={t('settings.recovery.linksTitle')}>
        <Stack gap="lg">
          <TextInput
            label={t('settings.recovery.discountPrefix')}
            description={t('settings.recovery.discountPrefixHelp', { example: `${v.discountPrefix ? `${v.discountPrefix}-` : ''}7KQ2XM4P` })}
            value={v.discountPrefix}
            onChange={(ev) => f.set('discountPrefix', ev.currentTarget.value.toUpperCase())}
            error={e.discountPrefix}
            styles={{ wrapper: { maxWidth: 320 }, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <DiscountDefaultField value={v.discountDefault} currency={store.settings.currency} onChange={(d) => f.set('discountDefault', d)} error={e.discountDefault} />
          <RestoreUrlField value={v.restoreUrl} onChange={(u) => f.set('restoreUrl', u)} error={e.restoreUrl} domain={store.settings.domain} />
        </Stack>
      </SettingsCard>

      <SettingsCard id="settings-data-title" title={t('settings.recovery.dataTitle')} description={t('settings.recovery.dataDescription')}>
        <RetentionField value={v.eventRetention} onChange={(r) => f.set('eventRetention', r)} error={e.eventRetention} />
      </SettingsCard>
    </SettingsForm>
  );
}

/**
 * Whom recovery emails may go to, in plain words. opt_in_eu (new stores' default) comes first: it
 * is the safe choice for a store that sells abroad. The EU/UK note is a pointer, not legal advice.
 */
import { Alert, Radio, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../api/types.ts';

type Consent = StoreSettings['emailConsent'];

export function ConsentChoice({ value, onChange, error }: { value: Consent; onChange: (c: Consent) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Radio.Group label={t('settings.recovery.consent')} value={value} onChange={(v) => onChange(v as Consent)} error={error}>
        <Stack gap="md" mt="sm">
          <Radio value="opt_in_eu" label={t('settings.recovery.optInEu')} description={t('settings.recovery.optInEuHelp')} />
          <Radio value="opt_out" label={t('settings.recovery.optOut')} description={t('settings.recovery.optOutHelp')} />
          <Radio value="opt_in" label={t('settings.recovery.optIn')} description={t('settings.recovery.optInHelp')} />
        </Stack>
      </Radio.Group>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title={t('settings.recovery.euTitle')}>
        {t('settings.recovery.euNote')}
      </Alert>
    </Stack>
  );
}

/**
 * Raw-event retention: off (kept forever), or delete each raw event this long after it arrived.
 * Carts, orders and messages stay either way; the server refuses less than 7 days (a stored event
 * is what recognizes a retried one).
 */
import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../api/types.ts';
import { DurationInput } from '../fields/DurationInput.tsx';
import { ToggleField } from '../fields/ToggleField.tsx';

type Retention = StoreSettings['eventRetention'];
const DEFAULT = 'P400D';

export function RetentionField({ value, onChange, error }: { value: Retention; onChange: (r: Retention) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <ToggleField label={t('settings.recovery.retention')} description={t('settings.recovery.retentionHelp')} enabled={value !== null} onToggle={(on) => onChange(on ? DEFAULT : null)} error={error}>
      <DurationInput label={t('settings.recovery.retentionFor')} value={value ?? ''} onChange={onChange} units={['days', 'weeks']} error={!!error} />
    </ToggleField>
  );
}

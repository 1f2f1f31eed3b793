/**
 * Frequency cap: off, or at most N marketing emails to one shopper per period, across all flows.
 * A message over the cap is skipped (its flow goes on), not delayed.
 */
import { Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../api/types.ts';
import { DurationInput } from '../fields/DurationInput.tsx';
import { ToggleField } from '../fields/ToggleField.tsx';

type Cap = StoreSettings['frequencyCap'];
const DEFAULT = { max: 2, per: 'P1D' };

export function FrequencyCapField({ value, onChange, error }: { value: Cap; onChange: (c: Cap) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <ToggleField label={t('settings.recovery.frequencyCap')} description={t('settings.recovery.frequencyCapHelp')} enabled={value !== null} onToggle={(on) => onChange(on ? DEFAULT : null)} error={error}>
      {value && (
        <Group gap="md" align="flex-start">
          <NumberInput
            label={t('settings.recovery.capMax')}
            value={value.max}
            onChange={(n) => onChange({ ...value, max: typeof n === 'number' ? n : 0 })}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            error={!!error}
            w={150}
          />
          <DurationInput label={t('settings.recovery.capPer')} value={value.per} onChange={(per) => onChange({ ...value, per })} units={['hours', 'days', 'weeks']} error={!!error} />
        </Group>
      )}
    </ToggleField>
  );
}

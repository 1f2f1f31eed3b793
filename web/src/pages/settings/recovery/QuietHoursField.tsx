/**
 * Quiet hours: off, or a from–to window in the shopper's local time (the store's zone when theirs is
 * unknown). The window may cross midnight (21:00–08:00). A message due inside it waits for its end.
 */
import { Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../api/types.ts';
import { ToggleField } from '../fields/ToggleField.tsx';

type QuietHours = StoreSettings['quietHours'];
const DEFAULT = { start: '21:00', end: '08:00' };

export function QuietHoursField({ value, onChange, error }: { value: QuietHours; onChange: (q: QuietHours) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <ToggleField label={t('settings.recovery.quietHours')} description={t('settings.recovery.quietHoursHelp')} enabled={value !== null} onToggle={(on) => onChange(on ? DEFAULT : null)} error={error}>
      {value && (
        <Group gap="sm" align="flex-start">
          {/* type=time gives HH:MM in 24-hour form whatever the display, which is what the server takes. */}
          <TextInput type="time" label={t('settings.recovery.from')} value={value.start} onChange={(e) => onChange({ ...value, start: e.currentTarget.value })} error={!!error} w={150} />
          <TextInput type="time" label={t('settings.recovery.to')} value={value.end} onChange={(e) => onChange({ ...value, end: e.currentTarget.value })} error={!!error} w={150} />
        </Group>
      )}
      {/* The server treats an empty window as no quiet hours at all; say so rather than surprise. */}
      {value && value.start === value.end && (
        <Text size="xs" c="orange.8">
          {t('settings.recovery.quietEmpty')}
        </Text>
      )}
    </ToggleField>
  );
}

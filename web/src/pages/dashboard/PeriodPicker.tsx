/**
 * The period the dashboard reports on: the last 7, 30 or 90 days, or a custom range of days. The
 * presets are a radio group (arrow keys move between them); "Custom" reveals the day range.
 */
import { Group, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayRangeInput } from './DayRangeInput.tsx';
import { PRESETS, type PeriodState } from './usePeriod.ts';

export function PeriodPicker({ period, today }: { period: PeriodState; today: string }) {
  const { t } = useTranslation();
  const [customOpen, setCustomOpen] = useState(period.preset === null);
  const showCustom = customOpen || period.preset === null;
  const choice = showCustom ? 'custom' : String(period.preset);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" justify="flex-end">
      <SegmentedControl
        aria-label={t('dashboard.period.label')}
        value={choice}
        onChange={(v) => {
          if (v === 'custom') return setCustomOpen(true);
          setCustomOpen(false);
          period.setPreset(Number(v) as (typeof PRESETS)[number]);
        }}
        data={[...PRESETS.map((d) => ({ value: String(d), label: t('dashboard.period.days', { n: d }) })), { value: 'custom', label: t('dashboard.period.custom') }]}
      />
      {showCustom && (
        <DayRangeInput
          label={t('dashboard.period.range')}
          value={[period.first, period.last]}
          onChange={(r) => r && period.setCustom(r[0], r[1])}
          maxDate={today}
          w={270}
        />
      )}
    </Group>
  );
}

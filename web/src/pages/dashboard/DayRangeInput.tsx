/**
 * A range of calendar days ('YYYY-MM-DD'), with month and weekday names in the interface language.
 * Used by the dashboard's custom period and the carts list's activity filter. It reports a range
 * only once both ends are chosen; clearing it reports null.
 */
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { currentLocale } from '../../i18n/index.ts';

export interface DayRangeInputProps {
  label: string;
  value: [string, string] | null;
  onChange: (range: [string, string] | null) => void;
  placeholder?: string;
  maxDate?: string;
  clearable?: boolean;
  w?: number | string;
}

export function DayRangeInput({ label, value, onChange, placeholder, maxDate, clearable, w }: DayRangeInputProps) {
  // The half-picked range (first day only) lives here until the second day is picked.
  const [draft, setDraft] = useState<[string | null, string | null]>(value ?? [null, null]);
  useEffect(() => setDraft(value ?? [null, null]), [value]);
  const zh = currentLocale() === 'zh-CN';
  return (
    <DatesProvider settings={{ locale: zh ? 'zh-cn' : 'en', firstDayOfWeek: zh ? 1 : 0 }}>
      <DatePickerInput
        type="range"
        label={label}
        placeholder={placeholder}
        value={draft}
        onChange={(v) => {
          setDraft(v as [string | null, string | null]);
          if (v[0] && v[1]) onChange([String(v[0]), String(v[1])]);
          else if (!v[0] && !v[1]) onChange(null);
        }}
        valueFormat={zh ? 'YYYY/M/D' : 'MMM D, YYYY'}
        maxDate={maxDate}
        clearable={clearable}
        allowSingleDateInRange
        leftSection={<IconCalendar size={16} aria-hidden />}
        w={w}
        popoverProps={{ withinPortal: true }}
      />
    </DatesProvider>
  );
}

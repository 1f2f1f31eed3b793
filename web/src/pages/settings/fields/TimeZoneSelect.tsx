/**
 * The store's time zone, from the browser's list of IANA zones, searchable ("shanghai", "new york").
 * Only the first matches are drawn: the full list is some four hundred entries.
 */
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { timeZoneOptions, withValue } from './intl.ts';

export function TimeZoneSelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: string; onChange: (zone: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('settings.store.timezone')}
      {...rest}
      data={withValue(timeZoneOptions(), value)}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      limit={60}
      allowDeselect={false}
      nothingFoundMessage={t('settings.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}

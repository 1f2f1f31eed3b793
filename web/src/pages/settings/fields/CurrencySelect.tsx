/** The store's currency: every ISO 4217 code with its name, searchable by either. */
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currencyOptions, withValue } from './intl.ts';

export function CurrencySelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('settings.store.currency')}
      {...rest}
      data={withValue(currencyOptions(), value)}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('settings.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}

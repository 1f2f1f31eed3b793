/**
 * An email template of the store, by key (helpful-1, or one the store made). A key the list does
 * not know (a definition from elsewhere) is still shown, so it can be seen and replaced.
 */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEmailTemplateKeys } from '../../../../api/flows.ts';
import { useStoreId } from '../../../../app/currentStore.ts';

export interface TemplateSelectProps {
  label: string;
  value: string;
  onChange: (key: string) => void;
  description?: string;
}

export function TemplateSelect({ label, value, onChange, description }: TemplateSelectProps) {
  const { t } = useTranslation();
  const keys = useEmailTemplateKeys(useStoreId());
  const data = [...(keys.data ?? [])];
  if (value && !data.includes(value)) data.unshift(value);
  return (
    <Select
      label={label}
      description={description}
      placeholder={keys.isPending ? t('common.loading') : t('flow.fields.templatePlaceholder')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      nothingFoundMessage={t('flow.fields.noTemplate')}
      error={keys.isError ? t('flow.fields.templatesFailed') : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

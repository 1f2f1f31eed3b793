/**
 * Search (the start of an email, or part of a name), status, and, while the store has demo data,
 * a switch to hide the simulated shoppers.
 */
import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_STATUSES, type ContactStatus } from '../../api/people.ts';
import type { ContactFilterValues } from './useContactFilters.ts';

export function ContactFilters({ values, onChange, hasDemo }: { values: ContactFilterValues; onChange: (c: Partial<ContactFilterValues>) => void; hasDemo: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  useEffect(() => setQ(values.q), [values.q]);
  const pushQ = useDebouncedCallback((v: string) => onChange({ q: v }), 300);
  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('contacts.filters.label')}>
      <TextInput
        label={t('contacts.filters.search')}
        placeholder={t('contacts.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label={t('contacts.filters.status')}
        placeholder={t('contacts.filters.anyStatus')}
        data={CONTACT_STATUSES.map((s) => ({ value: s, label: t(`contacts.state.${s}`) }))}
        value={values.status}
        onChange={(v) => onChange({ status: (v as ContactStatus | null) ?? null })}
        clearable
        w={180}
      />
      {hasDemo && (
        <Switch label={t('contacts.filters.realOnly')} checked={values.realOnly} onChange={(e) => onChange({ realOnly: e.currentTarget.checked })} mb={8} />
      )}
    </Group>
  );
}

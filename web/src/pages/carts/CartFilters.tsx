/**
 * The carts list's filter bar: a search (the start of an email, or a cart id exactly), the status,
 * a value range in the store currency's major units, and the days of last activity. Typing is
 * debounced, so the list does not ask the server on every key.
 */
import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CART_STATUSES, type CartStatus } from '../../api/people.ts';
import { DayRangeInput } from '../dashboard/DayRangeInput.tsx';
import type { CartFilterValues } from './useCartFilters.ts';

const num = (v: number | string) => (typeof v === 'number' ? v : null);

export function CartFilters({ values, onChange, currencySymbol }: { values: CartFilterValues; onChange: (c: Partial<CartFilterValues>) => void; currencySymbol: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  useEffect(() => setQ(values.q), [values.q]);
  const pushQ = useDebouncedCallback((v: string) => onChange({ q: v }), 300);
  const any = values.q || values.status || values.min !== null || values.max !== null || values.days;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('carts.filters.label')}>
      <TextInput
        label={t('carts.filters.search')}
        placeholder={t('carts.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={{ base: '100%', sm: 260 }}
        type="search"
      />
      <Select
        label={t('carts.filters.status')}
        placeholder={t('carts.filters.anyStatus')}
        data={CART_STATUSES.map((s) => ({ value: s, label: t(`carts.status.${s}`) }))}
        value={values.status}
        onChange={(v) => onChange({ status: (v as CartStatus | null) ?? null })}
        clearable
        w={160}
      />
      <NumberInput label={t('carts.filters.min')} value={values.min ?? ''} onChange={(v) => onChange({ min: num(v) })} min={0} prefix={currencySymbol} thousandSeparator w={120} />
      <NumberInput label={t('carts.filters.max')} value={values.max ?? ''} onChange={(v) => onChange({ max: num(v) })} min={0} prefix={currencySymbol} thousandSeparator w={120} />
      <DayRangeInput label={t('carts.filters.activity')} placeholder={t('carts.filters.anyDay')} value={values.days} onChange={(days) => onChange({ days })} clearable w={250} />
      {any && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange({ q: '', status: null, min: null, max: null, days: null })}>
          {t('carts.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

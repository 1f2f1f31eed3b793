/**
 * Picks one of the store's real carts to preview with: the search goes to the server (a shopper's
 * email prefix or the store's cart id), the latest carts are offered before anything is typed.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCartChoices, type CartChoice } from '../../api/templates.ts';
import { formatMoney } from '../../format.ts';

export interface PickedCart { id: string; label: string }

export function CartPicker({ storeId, value, onChange }: { storeId: string; value: PickedCart | null; onChange: (cart: PickedCart | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // The box shows the picked cart's label; that is not a query.
  const typed = search === value?.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const carts = useCartChoices(storeId, q);

  const labelOf = (c: CartChoice) =>
    [c.email ?? c.external_id, t('template.preview.items', { count: c.item_count }), formatMoney(c.value, c.currency), t(`template.cartStatus.${c.status}` as 'template.cartStatus.active', { defaultValue: c.status })].join(' · ');
  const options = (carts.data ?? []).map((c) => ({ value: c.id, label: labelOf(c) }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.label });

  return (
    <Select
      label={t('template.preview.cart')}
      placeholder={t('template.preview.cartPlaceholder')}
      data={options}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id && option ? { id, label: option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the query; filtering again by label would hide matches by cart id.
      filter={({ options: all }) => all}
      nothingFoundMessage={carts.isFetching ? t('common.loading') : t('template.preview.noCarts')}
      clearable
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}

/**
 * Which stores a user or an API token may see: every store (an administrator of this instance), or
 * the stores chosen. Someone limited to some stores sees only those, and nothing of the instance
 * (users, tokens, new stores).
 */
import { MultiSelect, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../api/stores.ts';

export interface StoreAccessProps {
  /** null: every store */
  value: string[] | null;
  onChange: (stores: string[] | null) => void;
  /** a token is for one store at most */
  single?: boolean;
}

export function StoreAccess({ value, onChange, single = false }: StoreAccessProps) {
  const { t } = useTranslation();
  const stores = useStores().data ?? [];
  const data = stores.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Stack gap="xs">
      <Radio.Group label={t('account.access.label')} value={value === null ? 'all' : 'some'} onChange={(v) => onChange(v === 'all' ? null : stores[0] ? [stores[0].id] : [])}>
        <Stack gap={6} mt={6}>
          <Radio value="all" label={t('account.access.all')} description={t('account.access.allHint')} />
          <Radio value="some" label={single ? t('account.access.one') : t('account.access.some')} description={t('account.access.someHint')} />
        </Stack>
      </Radio.Group>
      {value !== null && (
        <MultiSelect
          label={single ? t('account.access.store') : t('account.access.stores')}
          data={data}
          value={value}
          maxValues={single ? 1 : undefined}
          onChange={onChange}
          searchable
          required
        />
      )}
    </Stack>
  );
}

/** "All stores", or the names of the ones given (for the tables). */
export function useStoreNames(): (ids: string[] | null) => string {
  const { t } = useTranslation();
  const stores = useStores().data ?? [];
  return (ids) => (ids === null ? t('account.access.allShort') : ids.map((id) => stores.find((s) => s.id === id)?.name ?? id).join(', '));
}

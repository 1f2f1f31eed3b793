/**
 * Which store the pages are about. Switching keeps you in the same area (Carts stays Carts); a
 * detail page goes to its list, since a flow or contact id means nothing in another store.
 */
import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useCurrentSession } from '../api/session.ts';
import { useStores } from '../api/stores.ts';
import { defaultStoreId } from '../app/currentStore.ts';
import { AddStoreModal } from '../pages/settings/AddStoreModal.tsx';

export function StorePicker({ onPicked }: { onPicked?: () => void }) {
  const { t } = useTranslation();
  const admin = useCurrentSession().user.stores === null;
  const { storeId } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const stores = useStores();
  const list = stores.data ?? [];
  const area = storeId ? (pathname.split('/')[3] ?? 'dashboard') : 'dashboard';
  const [adding, addStore] = useDisclosure(false);

  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <Select
        label={t('shell.store')}
        placeholder={list.length ? t('shell.storePlaceholder') : t('shell.noStores')}
        data={list.map((s) => ({ value: s.id, label: s.name }))}
        value={storeId ?? (stores.data ? (defaultStoreId(stores.data) ?? null) : null)}
        onChange={(id) => {
          if (!id || id === storeId) return;
          void navigate(`/stores/${id}/${area}`);
          onPicked?.();
        }}
        disabled={!list.length}
        allowDeselect={false}
        searchable={list.length > 7}
        checkIconPosition="right"
        leftSection={<IconBuildingStore size={16} aria-hidden />}
        comboboxProps={{ withinPortal: true }}
        styles={{ label: { fontSize: 'var(--mantine-font-size-xs)', fontWeight: 600, textTransform: 'uppercase', letterSpacing: '0.04em', color: 'var(--mantine-color-dimmed)', marginBottom: 6 } }}
        style={{ flex: 1, minWidth: 0 }}
      />
      {/* Adding a store lives with the settings area; the picker is where people look for it. Only
          an administrator of the whole instance may (someone limited to some stores may not). */}
      {admin && (
        <Tooltip label={t('settings.addStore.title')} withArrow>
          <ActionIcon variant="default" size={36} onClick={addStore.open} aria-label={t('settings.addStore.title')}>
            <IconPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      <AddStoreModal opened={adding} onClose={(moved) => { addStore.close(); if (moved) onPicked?.(); }} />
    </Group>
  );
}

/** The store's areas. Outside a store (the account page) they lead to the store used last. */
import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useStores } from '../api/stores.ts';
import { defaultStoreId } from '../app/currentStore.ts';
import { NAV_ITEMS } from './navItems.ts';

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const params = useParams();
  const { pathname } = useLocation();
  const stores = useStores();
  const storeId = params.storeId ?? (stores.data ? defaultStoreId(stores.data) : undefined);

  return (
    <Stack gap={2}>
      {NAV_ITEMS.map(({ key, icon: Icon }) => {
        const to = storeId ? `/stores/${storeId}/${key}` : undefined;
        const active = Boolean(params.storeId && pathname.split('/')[3] === key);
        const label = t(`nav.${key}`);
        if (!to) return <NavLink key={key} label={label} leftSection={<Icon size={20} stroke={1.6} aria-hidden />} disabled />;
        return (
          <NavLink
            key={key}
            component={Link}
            to={to}
            label={label}
            active={active}
            aria-current={active ? 'page' : undefined}
            leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
            onClick={onNavigate}
            variant="light"
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
    </Stack>
  );
}

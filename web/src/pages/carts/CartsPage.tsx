/**
 * Every cart of the store, latest activity first (GET /api/stores/:id/carts): searchable and
 * filterable, paged with "load more"; a row opens the cart's details in a side panel.
 */
import { Button, Card, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShoppingCartOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCarts, type CartRow } from '../../api/people.ts';
import { useCurrentStore, useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { currencySymbol } from '../dashboard/currencySymbol.ts';
import { CartDrawer } from './CartDrawer.tsx';
import { CartFilters } from './CartFilters.tsx';
import { CartsTable } from './CartsTable.tsx';
import { LoadMore } from './LoadMore.tsx';
import { toQuery, useCartFilters } from './useCartFilters.ts';

export function CartsPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const settings = useCurrentStore()?.settings;
  const currency = settings?.currency ?? 'USD';
  const [filters, setFilters] = useCartFilters();
  const carts = useCarts(storeId, toQuery(filters, currency, settings?.timezone ?? 'UTC'));
  const rows = carts.data?.pages.flat() ?? [];
  const [selected, setSelected] = useState<CartRow | null>(null);
  const [opened, drawer] = useDisclosure(false);
  const filtered = !!(filters.q || filters.status || filters.min !== null || filters.max !== null || filters.days);

  return (
    <Page title={t('carts.title')} description={t('carts.description')}>
      <Card>
        <Stack gap="lg">
          <CartFilters values={filters} onChange={setFilters} currencySymbol={currencySymbol(currency)} />
          {carts.isPending && <PageLoader />}
          {carts.isError && <QueryError error={carts.error} onRetry={() => void carts.refetch()} />}
          {carts.data && rows.length === 0 && (filtered ? (
            <EmptyState icon={IconShoppingCartOff} title={t('carts.empty.filteredTitle')}>{t('carts.empty.filteredBody')}</EmptyState>
          ) : (
            <EmptyState icon={IconShoppingCartOff} title={t('carts.empty.title')} action={<Button component={Link} to={`/stores/${storeId}/settings`} variant="light">{t('carts.empty.connect')}</Button>}>
              {t('carts.empty.body')}
            </EmptyState>
          ))}
          {rows.length > 0 && (
            <div aria-busy={carts.isFetching && !carts.isFetchingNextPage} style={{ opacity: carts.isPlaceholderData ? 0.55 : 1 }}>
              <CartsTable carts={rows} onOpen={(c) => { setSelected(c); drawer.open(); }} />
              <LoadMore shown={rows.length} hasMore={carts.hasNextPage} loading={carts.isFetchingNextPage} onMore={() => void carts.fetchNextPage()} />
            </div>
          )}
        </Stack>
      </Card>
      <CartDrawer cart={selected} opened={opened} onClose={drawer.close} />
    </Page>
  );
}

/**
 * The store's contacts, newest first (GET /api/stores/:id/contacts): search, status, and, while
 * the store has demo data, "real shoppers only". Paged with "load more".
 */
import { Card, Stack } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../api/people.ts';
import { useDemoData } from '../../api/reports.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { LoadMore } from '../carts/LoadMore.tsx';
import { ContactFilters } from './ContactFilters.tsx';
import { ContactsTable } from './ContactsTable.tsx';
import { toContactQuery, useContactFilters } from './useContactFilters.ts';

export function ContactsPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const hasDemo = (useDemoData(storeId).data?.simulatedContacts ?? 0) > 0;
  const [filters, setFilters] = useContactFilters();
  const contacts = useContacts(storeId, toContactQuery(filters, hasDemo));
  const rows = contacts.data?.pages.flat() ?? [];
  const filtered = !!(filters.q || filters.status || (hasDemo && filters.realOnly));

  return (
    <Page title={t('contacts.title')} description={t('contacts.description')}>
      <Card>
        <Stack gap="lg">
          <ContactFilters values={filters} onChange={setFilters} hasDemo={hasDemo} />
          {contacts.isPending && <PageLoader />}
          {contacts.isError && <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />}
          {contacts.data && rows.length === 0 && (
            <EmptyState icon={IconUserSearch} title={filtered ? t('contacts.empty.filteredTitle') : t('contacts.empty.title')}>
              {filtered ? t('contacts.empty.filteredBody') : t('contacts.empty.body')}
            </EmptyState>
          )}
          {rows.length > 0 && (
            <div aria-busy={contacts.isFetching && !contacts.isFetchingNextPage} style={{ opacity: contacts.isPlaceholderData ? 0.55 : 1 }}>
              <ContactsTable contacts={rows} storeId={storeId} />
              <LoadMore shown={rows.length} hasMore={contacts.hasNextPage} loading={contacts.isFetchingNextPage} onMore={() => void contacts.fetchNextPage()} />
            </div>
          )}
        </Stack>
      </Card>
    </Page>
  );
}

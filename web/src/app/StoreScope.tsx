/** Everything under /stores/:storeId: checks the store exists, and remembers it for next time. */
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IconZoomQuestion } from '@tabler/icons-react';
import { useStores } from '../api/stores.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { rememberStore, useStoreId } from './currentStore.ts';

export function StoreScope() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const stores = useStores();
  const exists = stores.data?.some((s) => s.id === storeId) ?? false;

  useEffect(() => {
    if (exists) rememberStore(storeId);
  }, [exists, storeId]);

  if (stores.isPending) return <PageLoader />;
  if (stores.isError) return <QueryError error={stores.error} onRetry={() => void stores.refetch()} />;
  if (!exists) return <EmptyState icon={IconZoomQuestion} title={t('store.notFoundTitle')}>{t('store.notFoundBody')}</EmptyState>;
  return <Outlet />;
}

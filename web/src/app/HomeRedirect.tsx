/** "/" opens a store's dashboard: the one used last, else the first. */
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IconBuildingStore } from '@tabler/icons-react';
import { useStores } from '../api/stores.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { defaultStoreId } from './currentStore.ts';

export function HomeRedirect() {
  const { t } = useTranslation();
  const stores = useStores();
  if (stores.isPending) return <PageLoader />;
  if (stores.isError) return <QueryError error={stores.error} onRetry={() => void stores.refetch()} />;
  const storeId = defaultStoreId(stores.data);
  if (!storeId) return <EmptyState icon={IconBuildingStore} title={t('home.noStoresTitle')}>{t('home.noStoresBody')}</EmptyState>;
  return <Navigate to={`/stores/${storeId}/dashboard`} replace />;
}

/**
 * Nothing to report for the period. Two different situations, two different next steps: a store
 * that never sent a cart needs connecting; one that did just had a quiet period.
 */
import { Button, Group } from '@mantine/core';
import { IconCalendarSearch, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasAnyCart } from '../../api/people.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';

export function DashboardEmpty({ storeId, onLonger }: { storeId: string; onLonger?: () => void }) {
  const { t } = useTranslation();
  const any = useHasAnyCart(storeId);
  if (any.isPending) return <PageLoader />;
  if (any.data) {
    return (
      <EmptyState
        icon={IconCalendarSearch}
        title={t('dashboard.empty.quietTitle')}
        action={onLonger && <Button variant="light" onClick={onLonger}>{t('dashboard.empty.longer')}</Button>}
      >
        {t('dashboard.empty.quietBody')}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={IconPlugConnected}
      title={t('dashboard.empty.title')}
      action={
        <Group gap="sm" justify="center" mt="xs">
          <Button component={Link} to={`/stores/${storeId}/settings`}>
            {t('dashboard.empty.settings')}
          </Button>
          <Button component="a" href="/docs" target="_blank" rel="noopener" variant="default">
            {t('dashboard.empty.docs')}
          </Button>
        </Group>
      }
    >
      {t('dashboard.empty.body')}
    </EmptyState>
  );
}

/** The foot of a paged list: how many rows are shown, and a button for the next page while there is one. */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';

export function LoadMore({ shown, hasMore, loading, onMore }: { shown: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasMore ? t('carts.list.shownMore', { n: formatNumber(shown) }) : t('carts.list.shownAll', { n: formatNumber(shown) })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onMore} loading={loading}>
          {t('carts.list.loadMore')}
        </Button>
      )}
    </Group>
  );
}

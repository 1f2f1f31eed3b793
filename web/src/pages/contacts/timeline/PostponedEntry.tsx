/** A send that waited: quiet hours in the shopper's zone, or held back because they came back to the store. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format.ts';

export function PostponedEntry({ cause, node, flow, until }: { cause: 'quiet_hours' | 'returned_to_store'; node: string | null; flow: string; until: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>
        {t(cause === 'quiet_hours' ? 'contact.postponed.quietHours' : 'contact.postponed.returned')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('contact.postponed.detail', { node: node ?? '—', flow, until: until ? formatDateTime(until) : '—' })}
      </Text>
    </>
  );
}

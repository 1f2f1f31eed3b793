/**
 * "Is anything arriving?": polls the store's recent activity every few seconds while on screen and
 * turns green, with where the event came from, as soon as one is there. Waiting, connected and
 * "quiet for a day" each read differently, and a change of state is announced.
 */
import { Badge, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStoreActivity, type EventSource } from '../../../api/settings.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatNumber, formatRelative } from '../../../format.ts';

const DAY = 86_400_000;
const SOURCE_COLOR: Record<EventSource, string> = { snippet: 'jade', shopify: 'lime', woocommerce: 'grape', server: 'blue' };

export function EventsCheck({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const activity = useStoreActivity(storeId, true);
  const a = activity.data;
  const last = a?.recent[0];
  const state = !a ? 'loading' : !last ? 'waiting' : Date.now() - Date.parse(last.receivedAt) < DAY ? 'live' : 'quiet';
  const color = state === 'live' ? 'jade' : state === 'quiet' ? 'yellow' : 'gray';

  if (activity.isError) return <QueryError error={activity.error} onRetry={() => void activity.refetch()} />;
  return (
    <Paper withBorder p="md" bg={state === 'live' ? 'jade.0' : state === 'quiet' ? 'yellow.0' : 'gray.0'} data-testid="events-check" data-state={state}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon color={color} variant={state === 'live' ? 'filled' : 'light'} radius="xl" size="lg" aria-hidden>
          {state === 'live' ? <IconCircleCheck size={20} /> : state === 'quiet' ? <IconAlertTriangle size={20} /> : <Loader size={16} color="gray" />}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          {/* Only the state is a live region: the relative time changes on every poll and would chatter. */}
          <Text fw={600} role="status">
            {t(`settings.storefront.check.${state}`)}
          </Text>
          {last ? (
            <Group gap="xs" wrap="wrap">
              <Badge color={SOURCE_COLOR[last.source]} variant="light">
                {t(`settings.storefront.source.${last.source}`)}
              </Badge>
              <Text size="sm">
                {t('settings.storefront.check.lastEvent', { name: last.name, when: formatRelative(last.receivedAt) })}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.storefront.check.waitingHelp')}
            </Text>
          )}
          {a && last && (
            <Text size="xs" c="dimmed">
              {t('settings.storefront.check.counts', { hour: formatNumber(a.lastHour), day: formatNumber(a.last24Hours) })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * An order: its total, and whether it counts as recovered, credited to the message (and step) that
 * was last clicked, else opened, within the attribution window. Refunded orders say so.
 */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message, Order } from '../../../api/people.ts';
import { formatMoney } from '../../../format.ts';

export function OrderEntry({ order, credited }: { order: Order; credited?: Message }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('contact.order.title', { id: order.external_id, total: formatMoney(order.total, order.currency) })}
        </Text>
        {order.recovered === 1 && <Badge size="sm" color="jade">{t('contact.order.recovered')}</Badge>}
        {order.refunded_at !== null && <Badge size="sm" color="red" variant="light">{t('contact.order.refunded')}</Badge>}
      </Group>
      <Text size="xs" c="dimmed" data-testid="order-credit">
        {order.recovered === 1
          ? t('contact.order.credited', { subject: credited?.subject ?? order.attributed_message_id ?? '—', node: order.attributed_node_id ?? '—', flow: credited?.flowName ?? '—' })
          : t('contact.order.notCredited')}
        {order.recovered === 1 && order.attributed_variant && ` · ${t('contact.message.variant', { variant: order.attributed_variant })}`}
      </Text>
    </>
  );
}

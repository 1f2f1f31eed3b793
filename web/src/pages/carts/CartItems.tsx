/** The lines of a cart: picture (or a placeholder), name and SKU, quantity × price, and the line total. */
import { Avatar, Group, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CartItem } from '../../api/people.ts';
import { formatMoney, formatNumber } from '../../format.ts';

export function CartItems({ items, currency }: { items: CartItem[]; currency: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('carts.drawer.noItems')}</Text>;
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="cart-items">
      {items.map((i) => (
        <Group component="li" key={i.key} gap="sm" wrap="nowrap" align="flex-start">
          <Avatar src={i.imageUrl} alt="" radius="md" size={48} color="gray" variant="light">
            <IconPackage size={22} stroke={1.5} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={500} truncate="end">
              {i.name ?? i.sku ?? i.key}
            </Text>
            <Text size="xs" c="dimmed">
              {[i.sku, i.variant].filter(Boolean).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('carts.drawer.qtyPrice', { qty: formatNumber(i.quantity), price: formatMoney(i.price, currency) })}
            </Text>
          </Stack>
          <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(i.price * i.quantity, currency)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

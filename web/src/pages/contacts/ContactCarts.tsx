/** The contact's carts, newest first; each opens the same side panel as on the Carts page. */
import { Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cart, CartRow, Contact } from '../../api/people.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { CartDrawer } from '../carts/CartDrawer.tsx';
import { CartStatusBadge } from '../carts/CartStatusBadge.tsx';

export function ContactCarts({ carts, contact }: { carts: Cart[]; contact: Contact }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<CartRow | null>(null);
  const [opened, drawer] = useDisclosure(false);
  const sorted = [...carts].sort((a, b) => b.last_activity_at - a.last_activity_at);
  // The side panel names the shopper as the carts list does; here the shopper is this contact.
  const asRow = (c: Cart): CartRow => ({ ...c, email: contact.email, first_name: contact.first_name, last_name: contact.last_name });
  return (
    <Card component="section" aria-labelledby="contact-carts-title">
      <Title order={2} id="contact-carts-title" mb="sm">
        {t('contact.carts.title')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">{t('contact.carts.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {sorted.map((c) => (
            <li key={c.id}>
              <UnstyledButton
                onClick={() => { setSelected(asRow(c)); drawer.open(); }}
                aria-haspopup="dialog"
                w="100%"
                p="xs"
                style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" ff="monospace" truncate="end">{c.external_id}</Text>
                  <Text size="sm" fw={600}>{formatMoney(c.value, c.currency)}</Text>
                </Group>
                <Group justify="space-between" wrap="nowrap" gap="xs" mt={2}>
                  <Text size="xs" c="dimmed">{t('contact.carts.summary', { count: c.item_count, at: formatDateTime(c.last_activity_at) })}</Text>
                  <span style={{ flexShrink: 0 }}>
                    <CartStatusBadge status={c.status} />
                  </span>
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
      <CartDrawer cart={selected} opened={opened} onClose={drawer.close} />
    </Card>
  );
}

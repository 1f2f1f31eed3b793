/**
 * One cart in a side panel: status and value, who it belongs to (a link to the contact), the items,
 * a link back to the cart as the shopper would get it, and the moments of its life. A dialog:
 * focus moves in, Escape closes, focus returns to the row's button.
 */
import { ActionIcon, Anchor, Box, CopyButton, Divider, Drawer, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CartRow } from '../../api/people.ts';
import { useCurrentStore, useStoreId } from '../../app/currentStore.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { displayName } from '../contacts/contactStatus.ts';
import { CartItems } from './CartItems.tsx';
import { CartStatusBadge } from './CartStatusBadge.tsx';
import { restoreLink } from './restoreLink.ts';

export function CartDrawer({ cart, opened, onClose }: { cart: CartRow | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const store = useCurrentStore();
  const link = cart && restoreLink(cart, store?.settings.restoreUrl ?? '');
  const dates = cart
    ? ([
        ['started', cart.started_at], ['lastActivity', cart.last_activity_at], ['abandoned', cart.abandoned_at],
        ['enrolled', cart.enrolled_at], ['purchased', cart.purchased_at],
      ] as const).filter(([, at]) => at !== null)
    : [];

  return (
    <Drawer opened={opened && cart !== null} onClose={onClose} position="right" size="md" title={cart && t('carts.drawer.title', { id: cart.external_id })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {cart && (
        <Stack gap="md" data-testid="cart-drawer">
          <Group justify="space-between">
            <CartStatusBadge status={cart.status} />
            <Text fz={22} fw={700}>
              {formatMoney(cart.value, cart.currency)}
            </Text>
          </Group>
          <Box>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>{t('carts.drawer.shopper')}</Text>
            {cart.contact_id ? (
              <Anchor component={Link} to={`/stores/${storeId}/contacts/${cart.contact_id}`} size="sm">
                {cart.email ?? (displayName(cart) || t('carts.drawer.contact'))}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">{t('carts.list.anonymous')}</Text>
            )}
            {cart.email && displayName(cart) && <Text size="xs" c="dimmed">{displayName(cart)}</Text>}
          </Box>
          <Divider />
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('carts.drawer.items')}</Text>
          <CartItems items={cart.items} currency={cart.currency} />
          <Divider />
          <Box>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>{t('carts.drawer.restore')}</Text>
            {link ? (
              <Group gap="xs" wrap="nowrap">
                <Anchor href={link} target="_blank" rel="noopener" size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
                  <IconExternalLink size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
                  {link}
                </Anchor>
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                      <ActionIcon variant="subtle" onClick={copy} aria-label={t('carts.drawer.copyRestore')}>
                        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">{t('carts.drawer.restoreInMessages')}</Text>
            )}
          </Box>
          <Divider />
          <Table variant="vertical" withRowBorders={false} verticalSpacing={4} highlightOnHover={false} aria-label={t('carts.drawer.dates')}>
            <Table.Tbody>
              {dates.map(([key, at]) => (
                <Table.Tr key={key}>
                  <Table.Th w={160} fw={500} c="dimmed" bg="transparent">{t(`carts.drawer.date.${key}`)}</Table.Th>
                  <Table.Td>{formatDateTime(at!)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" ff="monospace">{cart.id}</Text>
        </Stack>
      )}
    </Drawer>
  );
}

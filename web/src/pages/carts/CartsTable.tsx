/**
 * Carts, latest activity first. The cart id in each row is a button (keyboard and screen readers
 * reach the details that way); a click anywhere on the row does the same for the mouse.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CartRow } from '../../api/people.ts';
import { formatDateTime, formatMoney, formatNumber, formatRelative } from '../../format.ts';
import { displayName } from '../contacts/contactStatus.ts';
import { CartStatusBadge } from './CartStatusBadge.tsx';

const num = { style: { fontVariantNumeric: 'tabular-nums' }, ta: 'right' } as const;

export function CartsTable({ carts, onOpen }: { carts: CartRow[]; onOpen: (cart: CartRow) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('carts.title')} data-testid="carts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('carts.list.cart')}</Table.Th>
            <Table.Th>{t('carts.list.shopper')}</Table.Th>
            <Table.Th>{t('carts.list.status')}</Table.Th>
            <Table.Th {...num}>{t('carts.list.items')}</Table.Th>
            <Table.Th {...num}>{t('carts.list.value')}</Table.Th>
            <Table.Th>{t('carts.list.activity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {carts.map((c) => (
            <Table.Tr key={c.id} onClick={() => onOpen(c)} style={{ cursor: 'pointer' }}>
              <Table.Td maw={220}>
                <Anchor
                  component="button"
                  type="button"
                  aria-haspopup="dialog"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(c);
                  }}
                  ff="monospace"
                  size="sm"
                  truncate="end"
                  maw="100%"
                  title={c.external_id}
                >
                  {c.external_id}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {c.email ? (
                  <>
                    <Text size="sm">{c.email}</Text>
                    {displayName(c) && (
                      <Text size="xs" c="dimmed">
                        {displayName(c)}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {displayName(c) || t('carts.list.anonymous')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <CartStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td {...num}>{formatNumber(c.item_count)}</Table.Td>
              <Table.Td {...num}>{formatMoney(c.value, c.currency)}</Table.Td>
              <Table.Td>
                <Text size="sm" title={formatDateTime(c.last_activity_at)} style={{ whiteSpace: 'nowrap' }}>
                  {formatRelative(c.last_activity_at)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

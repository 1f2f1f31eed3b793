/**
 * Every header the message was sent with, as a table: List-Unsubscribe and its one-click partner
 * are what mailbox providers turn into an unsubscribe button, so they are marked. Encoded words are
 * shown decoded, the raw value on hover.
 */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { decodeHeader, headerName } from './decodeHeader.ts';

const UNSUBSCRIBE = new Set(['list-unsubscribe', 'list-unsubscribe-post']);

export function MailHeaders({ headers }: { headers: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table aria-label={t('mailbox.tabs.headers')} data-testid="mail-headers" verticalSpacing={6} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">{t('mailbox.header')}</Table.Th>
            <Table.Th>{t('mailbox.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(headers).map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Td>
                <Text size="sm" ff="monospace" fw={500} style={{ wordBreak: 'break-word' }}>
                  {headerName(name)}
                </Text>
                {UNSUBSCRIBE.has(name) && (
                  <Badge size="xs" variant="light" mt={2}>
                    {t('mailbox.unsubscribeHeader')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" title={value} style={{ wordBreak: 'break-all' }}>
                  {decodeHeader(value)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

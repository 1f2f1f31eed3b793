/** Contacts, newest first; each email (or name) links to the contact's page. Simulated ones say so. */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../api/people.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { ContactStatusBadge } from './ContactStatusBadge.tsx';
import { displayName } from './contactStatus.ts';

export function ContactsTable({ contacts, storeId }: { contacts: Contact[]; storeId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table aria-label={t('contacts.title')} data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.list.contact')}</Table.Th>
            <Table.Th>{t('contacts.list.status')}</Table.Th>
            <Table.Th>{t('contacts.list.locale')}</Table.Th>
            <Table.Th>{t('contacts.list.timezone')}</Table.Th>
            <Table.Th>{t('contacts.list.added')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/stores/${storeId}/contacts/${c.id}`} size="sm" fw={500}>
                    {c.email ?? (displayName(c) || t('contacts.list.unnamed'))}
                  </Anchor>
                  {c.simulated === 1 && (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('contacts.demo')}
                    </Badge>
                  )}
                </Group>
                {c.email && displayName(c) && (
                  <Text size="xs" c="dimmed">
                    {displayName(c)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ContactStatusBadge contact={c} />
              </Table.Td>
              <Table.Td>{c.locale ?? '—'}</Table.Td>
              <Table.Td>{c.timezone ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" title={formatDateTime(c.created_at)}>
                  {formatDate(c.created_at)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

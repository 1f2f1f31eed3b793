/**
 * Who the contact is and whether they may be emailed: address, names, language and time zone
 * (quiet hours follow it), consent, and when they unsubscribed or were suppressed, with why.
 */
import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api/people.ts';
import { formatDateTime } from '../../format.ts';
import { ContactStatusBadge } from './ContactStatusBadge.tsx';
import { displayName } from './contactStatus.ts';
import { JsonToggle } from './JsonToggle.tsx';

export function ContactProfile({ contact: c, consentRule }: { contact: Contact; consentRule: 'opt_in' | 'opt_out' | 'opt_in_eu' }) {
  const { t } = useTranslation();
  const consent = c.email_consent === 1 ? t('contact.profile.consentYes') : c.email_consent === 0 ? t('contact.profile.consentNo') : t(`contact.profile.consentUnknown.${consentRule}`);
  const rows: Array<[string, ReactNode]> = [
    [t('contact.profile.email'), c.email ?? '—'],
    [t('contact.profile.name'), displayName(c) || '—'],
    ...(c.phone ? [[t('contact.profile.phone'), c.phone] as [string, ReactNode]] : []),
    [t('contact.profile.locale'), c.locale ?? t('contact.profile.storeDefault')],
    [t('contact.profile.timezone'), c.timezone ?? t('contact.profile.storeDefault')],
    [t('contact.profile.consent'), consent],
    [t('contact.profile.unsubscribed'), c.unsubscribed_at ? formatDateTime(c.unsubscribed_at) : t('contact.profile.no')],
    [t('contact.profile.suppressed'), c.suppressed_at ? `${formatDateTime(c.suppressed_at)}${c.suppressed_reason ? ` (${c.suppressed_reason})` : ''}` : t('contact.profile.no')],
    [t('contact.profile.added'), formatDateTime(c.created_at)],
  ];
  return (
    <Card component="section" aria-labelledby="profile-title">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} id="profile-title">
          {t('contact.profile.title')}
        </Title>
        <Group gap={6}>
          {c.simulated === 1 && (
            <Badge color="yellow" variant="light">
              {t('contacts.demo')}
            </Badge>
          )}
          <ContactStatusBadge contact={c} />
        </Group>
      </Group>
      <Table variant="vertical" withRowBorders={false} verticalSpacing={6} highlightOnHover={false} layout="fixed" data-testid="profile">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={120} fw={500} c="dimmed" bg="transparent" fz="sm">
                {label}
              </Table.Th>
              <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {Object.keys(c.traits).length > 0 && (
        <Text component="div" mt="sm">
          <JsonToggle label={t('contact.profile.traits')} value={c.traits} />
        </Text>
      )}
    </Card>
  );
}

/**
 * The mailbox's messages, newest first: subject, recipient, when; test sends marked. Each is a
 * button (the selected one has aria-current), and older mail comes a page at a time.
 */
import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailSummary } from '../../api/mailbox.ts';
import { formatDateTime, formatRelative } from '../../format.ts';
import { isTest, withoutTestMark } from './testMail.ts';

export interface MailListProps {
  mails: MailSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}

export function MailList({ mails, selected, onSelect, hasMore, loadingMore, onMore }: MailListProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={4} bg="white">
      <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('mailbox.listLabel')} data-testid="mail-list">
        {mails.map((m) => {
          const current = m.id === selected;
          return (
            <li key={m.id}>
              <UnstyledButton
                onClick={() => onSelect(m.id)}
                aria-current={current ? 'true' : undefined}
                w="100%"
                p="sm"
                style={{ borderRadius: 'var(--mantine-radius-md)', background: current ? 'var(--mantine-color-jade-0)' : undefined, boxShadow: current ? 'inset 3px 0 0 var(--mantine-color-jade-7)' : undefined }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
                  <Text size="sm" fw={600} truncate>
                    {withoutTestMark(m.subject)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} title={formatDateTime(m.createdAt)}>
                    {formatRelative(m.createdAt)}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap" mt={2}>
                  {isTest(m.subject) && (
                    <Badge size="xs" color="violet" variant="light" style={{ flexShrink: 0 }}>
                      {t('mailbox.test')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed" truncate>
                    {t('mailbox.toLine', { to: m.to_address })}
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
      {hasMore && (
        <Button variant="subtle" fullWidth mt={4} onClick={onMore} loading={loadingMore}>
          {t('mailbox.older')}
        </Button>
      )}
    </Paper>
  );
}

/**
 * The rendered subject and preheader as an inbox list shows them: sender, subject in bold, the
 * preheader trailing in grey and cut off where the row ends. That cut is the point: it shows how
 * much of the preheader a shopper actually reads before deciding to open.
 */
import { Avatar, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function InboxLine({ sender, subject, preheader }: { sender: string; subject: string; preheader: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" aria-label={t('template.preview.inbox')} role="group" data-testid="inbox-line">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar color="jade" radius="xl" size={36} aria-hidden>
          {sender.slice(0, 1).toUpperCase()}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600} truncate>
              {sender}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {t('template.preview.now')}
            </Text>
          </Group>
          <Text size="sm" truncate>
            <Text span fw={600} inherit data-testid="preview-subject">
              {subject}
            </Text>
            {preheader && (
              <Text span c="dimmed" inherit data-testid="preview-preheader">
                {' – '}
                {preheader}
              </Text>
            )}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** What the shopper did with a message: opened it, clicked a link, followed the restore link, unsubscribed. */
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../api/people.ts';

export function LinkEntry({ kind, url, message }: { kind: 'open' | 'click' | 'restore' | 'unsubscribe'; url: string | null; message?: Message }) {
  const { t } = useTranslation();
  const subject = message?.subject ?? t('contact.link.aMessage');
  return (
    <>
      <Text size="sm" fw={600}>
        {t(`contact.link.${kind}`, { subject })}
      </Text>
      {url && (
        <Anchor href={url} target="_blank" rel="noopener noreferrer" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {url}
        </Anchor>
      )}
    </>
  );
}

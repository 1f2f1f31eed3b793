/**
 * One message as it was delivered: subject, sender, recipient and time, then the HTML (in the same
 * sandboxed frame as the template preview), the text part, and every header.
 */
import { Button, Card, Code, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCode, IconList, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMail } from '../../api/mailbox.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../format.ts';
import { EmailFrame } from '../templates/EmailFrame.tsx';
import { decodeHeader } from './decodeHeader.ts';
import { MailHeaders } from './MailHeaders.tsx';

export function MailReader({ storeId, id, onBack }: { storeId: string; id: string; onBack?: () => void }) {
  const { t } = useTranslation();
  const mail = useMail(storeId, id);
  const m = mail.data;
  const field = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  );

  return (
    <Card component="article" aria-labelledby="mail-subject" padding="md" data-testid="mail-reader">
      {onBack && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} aria-hidden />} onClick={onBack} mb="sm" w="fit-content">
          {t('mailbox.back')}
        </Button>
      )}
      {mail.isPending && <PageLoader />}
      {mail.isError && <QueryError error={mail.error} onRetry={() => void mail.refetch()} />}
      {m && (
        <Stack gap="md">
          <Title order={2} size="h3" id="mail-subject" style={{ wordBreak: 'break-word' }}>
            {m.subject}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {field(t('mailbox.from'), decodeHeader(m.from_address))}
            {field(t('mailbox.to'), m.to_address)}
            {field(t('mailbox.date'), formatDateTime(m.createdAt))}
          </SimpleGrid>
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="html" leftSection={<IconMail size={16} aria-hidden />}>{t('mailbox.tabs.html')}</Tabs.Tab>
              <Tabs.Tab value="text" leftSection={<IconCode size={16} aria-hidden />}>{t('mailbox.tabs.text')}</Tabs.Tab>
              <Tabs.Tab value="headers" leftSection={<IconList size={16} aria-hidden />}>{t('mailbox.tabs.headers')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html">
              <EmailFrame html={m.html} height={640} title={t('mailbox.frameTitle', { subject: m.subject })} />
            </Tabs.Panel>
            <Tabs.Panel value="text">
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 640, overflow: 'auto' }} tabIndex={0} aria-label={t('mailbox.tabs.text')}>
                {m.text}
              </Code>
            </Tabs.Panel>
            <Tabs.Panel value="headers">
              <MailHeaders headers={m.headers} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Card>
  );
}

/**
 * A message of a flow run: its subject (or, when skipped, the step), the status, where it came
 * from (flow, step, A/B variant), opens and clicks, and the reasons behind it.
 */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../api/people.ts';
import { formatDateTime } from '../../../format.ts';
import { WhyList } from './WhyList.tsx';

const COLOR: Record<string, string> = { sent: 'jade', skipped: 'orange', failed: 'red', uncertain: 'yellow', sending: 'blue' };
const STATUSES = ['sent', 'skipped', 'failed', 'uncertain', 'sending'] as const;

export function MessageEntry({ m }: { m: Message }) {
  const { t } = useTranslation();
  const status = STATUSES.find((s) => s === m.status);
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {m.subject ? t('contact.message.email', { subject: m.subject }) : t('contact.message.step', { node: m.node_id })}
        </Text>
        <Badge size="sm" variant="light" color={COLOR[m.status] ?? 'gray'}>
          {status ? t(`contact.message.status.${status}`) : m.status}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('contact.message.from', { flow: m.flowName, node: m.node_id })}
        {m.variant && ` · ${t('contact.message.variant', { variant: m.variant })}`}
        {m.discount_code && ` · ${t('contact.message.discount', { code: m.discount_code })}`}
      </Text>
      {(m.opened_at || m.clicked_at) && (
        <Text size="xs" c="dimmed">
          {[m.opened_at && t('contact.message.openedAt', { at: formatDateTime(m.opened_at) }), m.clicked_at && t('contact.message.clickedAt', { at: formatDateTime(m.clicked_at) })].filter(Boolean).join(' · ')}
        </Text>
      )}
      <WhyList why={m.why} />
    </>
  );
}

/**
 * Why a message went out, or did not: the flow and version the run entered, the waits, any
 * postponement, the checks made at send time, and the outcome, one sentence each, in order.
 */
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../api/people.ts';
import { reasonText } from '../reasons.ts';

export function WhyList({ why }: { why: Reason[] }) {
  const { t } = useTranslation();
  if (why.length === 0) return null;
  return (
    <>
      <Text size="xs" fw={600} c="dimmed" mt={6}>
        {t('contact.why.title')}
      </Text>
      <List type="ordered" size="xs" spacing={2} c="dark.5" data-testid="why" withPadding>
        {why.map((r, i) => (
          <List.Item key={i} c={r.code === 'stopped' ? 'orange.9' : undefined}>
            {reasonText(t, r)}
          </List.Item>
        ))}
      </List>
    </>
  );
}

/** A flow run: which flow, at which (immutable) version, whether it was held out, and how it ended. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Run } from '../../../api/people.ts';
import { formatDateTime } from '../../../format.ts';
import { exitText } from '../reasons.ts';

export function RunEntry({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('contact.run.entered', { flow: run.flowName, version: run.flow_version })}
        </Text>
        {run.holdout === 1 && (
          <Badge size="sm" variant="light" color="gray">
            {t('contact.run.holdout')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {run.ended_at ? t('contact.run.ended', { at: formatDateTime(run.ended_at), reason: exitText(t, run.exit_reason) }) : t('contact.run.running', { node: run.node_id })}
      </Text>
    </>
  );
}

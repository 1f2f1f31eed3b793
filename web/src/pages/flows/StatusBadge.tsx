/** A flow's status as a badge: live (new carts enter it), paused (none do; runs in it continue), draft. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowStatus } from '../../api/flows.ts';

const COLOR: Record<FlowStatus, string> = { live: 'jade', paused: 'yellow', draft: 'gray' };

export function StatusBadge({ status }: { status: FlowStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant={status === 'live' ? 'filled' : 'light'} data-testid="flow-status">
      {t(`flows.status.${status}`)}
    </Badge>
  );
}

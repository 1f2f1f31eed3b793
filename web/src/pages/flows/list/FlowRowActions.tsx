/**
 * A flow's actions in the list: the status change that applies (pause a live flow, resume a paused
 * one, go live with a draft that has a live version), then open and delete in a menu. A draft that
 * was never published goes live by publishing it in the builder, after its check.
 */
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconDots, IconExternalLink, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowStatus, FlowSummary } from '../../../api/flows.ts';

export interface FlowRowActionsProps {
  flow: FlowSummary;
  to: string;
  pending: boolean;
  onStatus: (status: FlowStatus) => void;
  onDelete: () => void;
}

export function FlowRowActions({ flow, to, pending, onStatus, onDelete }: FlowRowActionsProps) {
  const { t } = useTranslation();
  const next: FlowStatus | null = flow.status === 'live' ? 'paused' : flow.liveVersion !== null ? 'live' : null;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {next && (
        <Button
          size="xs"
          variant="default"
          loading={pending}
          onClick={() => onStatus(next)}
          leftSection={next === 'paused' ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
          aria-label={t(next === 'paused' ? 'flows.actions.pauseLabel' : flow.status === 'paused' ? 'flows.actions.resumeLabel' : 'flows.actions.goLiveLabel', { name: flow.name })}
        >
          {t(next === 'paused' ? 'flows.actions.pause' : flow.status === 'paused' ? 'flows.actions.resume' : 'flows.actions.goLive')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('flows.actions.more', { name: flow.name })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={to} leftSection={<IconExternalLink size={14} aria-hidden />}>
            {t('flows.actions.open')}
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
            {t('flows.actions.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

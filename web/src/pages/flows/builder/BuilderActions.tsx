/**
 * The builder's actions: undo/redo, the period of the counts, versions, pause/resume, save a draft,
 * publish. Save and publish need a flow with nothing missing; while they cannot be used they stay
 * focusable and their tooltip says why, rather than going silently grey.
 */
import { ActionIcon, Badge, Button, Group, Select, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconDeviceFloppy, IconHistory, IconLayoutSidebarRight, IconPlayerPause, IconPlayerPlay, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowStatus, FlowSummary } from '../../../api/flows.ts';

export interface BuilderActionsProps {
  flow: FlowSummary | null;
  readOnly: boolean;
  undo?: () => void;
  redo?: () => void;
  days: number;
  onDays: (days: number) => void;
  onVersions: () => void;
  onStatus: (status: FlowStatus) => void;
  statusPending: boolean;
  /** why saving, publishing is not possible now; null when it is */
  saveWhy: string | null;
  publishWhy: string | null;
  saving: boolean;
  onSave: () => void;
  onPublish: () => void;
  /** narrow screens: opens the side panel, with the number of problems on it */
  onOpenPanel?: () => void;
  problemCount: number;
}

export function BuilderActions(p: BuilderActionsProps) {
  const { t } = useTranslation();
  const { flow } = p;
  const next: FlowStatus | null = !flow ? null : flow.status === 'live' ? 'paused' : flow.status === 'paused' || flow.liveVersion !== null ? 'live' : null;
  const guard = (ok: boolean, run: () => void) => () => ok && run();
  return (
    <Group gap="xs" wrap="wrap" justify="flex-end">
      {!p.readOnly && (
        <Group gap={2}>
          <Tooltip label={t('flow.toolbar.undo')} withArrow>
            <ActionIcon variant="default" size="lg" onClick={p.undo} disabled={!p.undo} aria-label={t('flow.toolbar.undo')}>
              <IconArrowBackUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('flow.toolbar.redo')} withArrow>
            <ActionIcon variant="default" size="lg" onClick={p.redo} disabled={!p.redo} aria-label={t('flow.toolbar.redo')}>
              <IconArrowForwardUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
      {flow && (
        <Select
          aria-label={t('flow.counts.period')}
          data={[7, 30, 90].map((d) => ({ value: String(d), label: t('flow.counts.days', { count: d }) }))}
          value={String(p.days)}
          onChange={(v) => v && p.onDays(Number(v))}
          allowDeselect={false}
          w={150}
        />
      )}
      {p.onOpenPanel && (
        <Button variant="default" onClick={p.onOpenPanel} leftSection={<IconLayoutSidebarRight size={16} aria-hidden />} rightSection={p.problemCount > 0 ? <Badge size="sm" color="orange" circle>{p.problemCount}</Badge> : undefined}>
          {t('flow.panel.open')}
        </Button>
      )}
      {flow && (
        <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={p.onVersions}>
          {t('flow.toolbar.versions')}
        </Button>
      )}
      {next && (
        <Button variant="default" loading={p.statusPending} onClick={() => p.onStatus(next)} leftSection={next === 'paused' ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}>
          {next === 'paused' ? t('flow.toolbar.pause') : flow?.status === 'paused' ? t('flow.toolbar.resume') : t('flow.toolbar.goLive')}
        </Button>
      )}
      {!p.readOnly && (
        <>
          <Tooltip label={p.saveWhy} disabled={!p.saveWhy} withArrow multiline w={260}>
            <Button variant="default" data-disabled={!!p.saveWhy || undefined} aria-disabled={!!p.saveWhy || undefined} onClick={guard(!p.saveWhy, p.onSave)} loading={p.saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
              {t('flow.toolbar.save')}
            </Button>
          </Tooltip>
          <Tooltip label={p.publishWhy} disabled={!p.publishWhy} withArrow multiline w={260}>
            <Button data-disabled={!!p.publishWhy || undefined} aria-disabled={!!p.publishWhy || undefined} onClick={guard(!p.publishWhy, p.onPublish)} leftSection={<IconRocket size={16} aria-hidden />}>
              {t('flow.toolbar.publish')}
            </Button>
          </Tooltip>
        </>
      )}
    </Group>
  );
}

/**
 * The builder's title bar: back to the list, the flow's name as the page's h1, its status, which
 * version is live and which is the newest, and whether there are unsaved edits. Actions go right.
 */
import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowSummary } from '../../../api/flows.ts';
import { formatRelative } from '../../../format.ts';
import { StatusBadge } from '../StatusBadge.tsx';

export function BuilderHeader({ flow, name, dirty, children }: { flow: FlowSummary | null; name: string; dirty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const title = name.trim() || t('flow.untitled');
  useDocumentTitle(`${title} · Cartback`);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to=".." relative="path" size="sm" c="dimmed">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
          {t('flow.back')}
        </Anchor>
        <Group gap="sm" wrap="nowrap" mt={2}>
          <Title order={1} size="h2" lineClamp={1}>
            {title}
          </Title>
          {flow ? <StatusBadge status={flow.status} /> : <Badge variant="light" color="gray">{t('flow.notSaved')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed" mt={2} data-testid="flow-versions-line">
          {flow && (flow.liveVersion !== null ? t('flow.versionLine', { live: flow.liveVersion, latest: flow.latestVersion }) : t('flow.versionLineNoLive', { latest: flow.latestVersion }))}
          {flow && ' · '}
          {dirty ? (
            <Text span size="xs" c="orange.8" fw={600}>
              {t('flow.unsaved')}
            </Text>
          ) : flow ? (
            t('flow.savedAt', { when: formatRelative(flow.updatedAt) })
          ) : null}
        </Text>
      </div>
      {children}
    </Group>
  );
}

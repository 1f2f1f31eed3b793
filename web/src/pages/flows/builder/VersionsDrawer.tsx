/**
 * Every saved version of the flow, newest first, with the live one marked. Any of them can be
 * opened read-only on the canvas, exactly as the runs enrolled in it execute it.
 */
import { Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFlowVersions, type FlowSummary } from '../../../api/flows.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDateTime } from '../../../format.ts';

export interface VersionsDrawerProps {
  storeId: string;
  flow: FlowSummary;
  opened: boolean;
  onClose: () => void;
  viewing: number | null;
  onView: (version: number) => void;
}

export function VersionsDrawer({ storeId, flow, opened, onClose, viewing, onView }: VersionsDrawerProps) {
  const { t } = useTranslation();
  const versions = useFlowVersions(storeId, opened ? flow.id : undefined);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={t('flow.versions.title')} size="sm">
      <Text size="sm" c="dimmed" mb="md">
        {t('flow.versions.help')}
      </Text>
      {versions.isPending && <PageLoader />}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('flow.versions.title')}>
        {versions.data?.map((v) => (
          <Group component="li" key={v.version} justify="space-between" wrap="nowrap" className="flow-version" data-current={v.version === viewing || undefined}>
            <div>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {t('flow.versions.version', { version: v.version })}
                </Text>
                {v.live && <Badge size="xs" color={flow.status === 'live' ? 'jade' : 'yellow'}>{flow.status === 'live' ? t('flow.versions.live') : t('flow.versions.livePaused')}</Badge>}
                {v.version === flow.latestVersion && <Badge size="xs" variant="light" color="gray">{t('flow.versions.latest')}</Badge>}
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.createdAt)}
              </Text>
            </div>
            <Button size="xs" variant={v.version === viewing ? 'filled' : 'default'} onClick={() => onView(v.version)} aria-label={t('flow.versions.viewLabel', { version: v.version })}>
              {t('flow.versions.view')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Drawer>
  );
}

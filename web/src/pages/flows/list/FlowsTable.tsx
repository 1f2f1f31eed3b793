/**
 * The store's flows: name (opens the builder), status, which version is live and which is newest,
 * the last change, the last 30 days in four numbers, and the actions.
 */
import { Anchor, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowStatus, FlowSummary } from '../../../api/flows.ts';
import { formatRelative } from '../../../format.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { FlowHeadline } from './FlowHeadline.tsx';
import { FlowRowActions } from './FlowRowActions.tsx';

export interface FlowsTableProps {
  storeId: string;
  flows: FlowSummary[];
  currency: string;
  pendingFor: string | undefined;
  onStatus: (flow: FlowSummary, status: FlowStatus) => void;
  onDelete: (flow: FlowSummary) => void;
}

export function FlowsTable({ storeId, flows, currency, pendingFor, onStatus, onDelete }: FlowsTableProps) {
  const { t } = useTranslation();
  const to = (f: FlowSummary) => `/stores/${storeId}/flows/${f.id}`;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={880}>
        <Table aria-label={t('flows.title')} data-testid="flows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} miw={180}>{t('flows.columns.name')}</Table.Th>
              <Table.Th rowSpan={2}>{t('flows.columns.status')}</Table.Th>
              <Table.Th rowSpan={2}>{t('flows.columns.versions')}</Table.Th>
              <Table.Th rowSpan={2}>{t('flows.columns.changed')}</Table.Th>
              <Table.Th colSpan={4} ta="center">{t('flows.columns.period')}</Table.Th>
              <Table.Th rowSpan={2} w={150}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              <Table.Th ta="right">{t('flows.columns.entered')}</Table.Th>
              <Table.Th ta="right">{t('flows.columns.inFlow')}</Table.Th>
              <Table.Th ta="right">{t('flows.columns.sent')}</Table.Th>
              <Table.Th ta="right">{t('flows.columns.recovered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flows.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component={Link} to={to(f)} fw={600} size="sm">
                    {f.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={f.status} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{f.liveVersion !== null ? t('flows.liveVersion', { version: f.liveVersion }) : t('flows.notLive')}</Text>
                    {f.latestVersion !== f.liveVersion && <Text size="xs" c="dimmed">{t('flows.latestVersion', { version: f.latestVersion })}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={f.updatedAt} style={{ whiteSpace: 'nowrap' }}>{formatRelative(f.updatedAt)}</Text>
                </Table.Td>
                <FlowHeadline storeId={storeId} flowId={f.id} currency={currency} />
                <Table.Td>
                  <FlowRowActions flow={f} to={to(f)} pending={pendingFor === f.id} onStatus={(s) => onStatus(f, s)} onDelete={() => onDelete(f)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

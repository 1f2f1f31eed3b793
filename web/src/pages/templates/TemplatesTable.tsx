/**
 * One row per template key, one column per locale. Each locale cell says what a send uses (the
 * built-in, or the store's own version N) and links to its editor; the link's accessible name
 * says which template and language, since "Edit" alone repeats down the table.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TEMPLATE_LOCALES, type FlowUse, type TemplateEntry } from '../../api/templates.ts';
import { useTemplateLabels } from './templateLabels.ts';

export function TemplatesTable({ storeId, entries, usage }: { storeId: string; entries: TemplateEntry[]; usage: Map<string, FlowUse[]> | undefined }) {
  const { t } = useTranslation();
  const labels = useTemplateLabels();
  const keys = [...new Set(entries.map((e) => e.key))];
  const entry = (key: string, locale: string) => entries.find((e) => e.key === key && e.locale === locale);
  const base = `/stores/${encodeURIComponent(storeId)}`;

  return (
    <Paper withBorder bg="white" px="md" py={4}>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('templates.title')} data-testid="templates" verticalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('templates.template')}</Table.Th>
              <Table.Th>{t('templates.usedBy')}</Table.Th>
              {TEMPLATE_LOCALES.map((l) => (
                <Table.Th key={l}>{labels.locale(l)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => {
              const name = labels.name(key);
              const flows = usage?.get(key) ?? [];
              return (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {name ?? key}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {name ? key : t('templates.custom')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {usage === undefined ? null : flows.length === 0 ? (
                      <Text size="sm" c="dimmed">{t('templates.unused')}</Text>
                    ) : (
                      <Stack gap={4} align="flex-start">
                        {flows.map((f) => (
                          <Anchor key={f.id} component={Link} to={`${base}/flows/${encodeURIComponent(f.id)}`} size="sm">
                            {f.name}
                            {f.status === 'live' && <Badge size="xs" variant="light" ml={6}>{t('templates.live')}</Badge>}
                          </Anchor>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {TEMPLATE_LOCALES.map((l) => {
                    const e = entry(key, l);
                    const own = e?.version ?? null;
                    // A key of the store's own with no version in this locale: its shoppers get nothing.
                    if (!e || (own === null && !e.builtIn)) {
                      return (
                        <Table.Td key={l}>
                          <Badge color="orange" variant="light" title={t('templates.missingHint')}>
                            {t('templates.missing')}
                          </Badge>
                        </Table.Td>
                      );
                    }
                    return (
                      <Table.Td key={l}>
                        <Anchor component={Link} to={`${base}/templates/${encodeURIComponent(key)}/${l}`} size="sm" fw={own === null ? undefined : 600} aria-label={t('templates.editIn', { name: name ?? key, locale: labels.locale(l) })}>
                          <Group gap={6} wrap="nowrap">
                            <IconPencil size={14} aria-hidden />
                            <span style={{ whiteSpace: 'nowrap' }}>{own === null ? t('templates.builtIn') : t('templates.version', { version: own })}</span>
                          </Group>
                        </Anchor>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

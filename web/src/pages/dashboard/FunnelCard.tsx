/**
 * The carts abandoned in the period, stage by stage: abandoned → contacted → opened → clicked →
 * recovered. Each stage is a subset of the one before (src/reports/funnel.ts), so the step rate
 * ("of the stage before") says where shoppers drop off. An ordered list: the order is the meaning.
 */
import { Box, Card, Group, Progress, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Funnel } from '../../api/reports.ts';
import { formatNumber, formatPercent } from '../../format.ts';

const STAGES = ['abandoned', 'contacted', 'opened', 'clicked', 'recovered'] as const;
const COLORS = ['orange.5', 'blue.5', 'indigo.5', 'grape.5', 'jade.6'];

export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const top = funnel.abandoned;
  return (
    <Card component="section" aria-labelledby="funnel-title" h="100%">
      <Title order={2} id="funnel-title" mb={4}>
        {t('dashboard.funnel.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dashboard.funnel.description')}
      </Text>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="funnel">
        {STAGES.map((stage, i) => {
          const n = funnel[stage];
          const prev = i === 0 ? null : funnel[STAGES[i - 1]!];
          return (
            <Box component="li" key={stage} mb="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {t(`dashboard.funnel.${stage}`)}
                </Text>
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Text span fw={700}>
                    {formatNumber(n)}
                  </Text>
                  {prev !== null && (
                    <Text span c="dimmed" size="xs" ml={8}>
                      {prev > 0 ? t('dashboard.funnel.ofPrevious', { rate: formatPercent(n / prev) }) : '—'}
                    </Text>
                  )}
                </Text>
              </Group>
              <Progress value={top > 0 ? (n / top) * 100 : 0} color={COLORS[i]} size="lg" radius="sm" mt={4} aria-hidden />
            </Box>
          );
        })}
      </Box>
      {top > 0 && (
        <Text size="xs" c="dimmed">
          {t('dashboard.funnel.overall', { rate: formatPercent(funnel.recovered / top) })}
        </Text>
      )}
    </Card>
  );
}

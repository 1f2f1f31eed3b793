/**
 * Did the messages make a difference? Shoppers who got the sequence against the holdout group who
 * got nothing (same flows, chosen at random), pooled over all flows: the difference of purchase
 * rates with its 95% interval, in words and numbers, with the group sizes behind it.
 */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/reports.ts';
import { formatMoney, formatNumber, formatPercent } from '../../format.ts';
import { IntervalBar } from './IntervalBar.tsx';
import { formatPoints, verdictOf } from './lift.ts';

const BADGE = { helped: 'jade', hurt: 'red', unclear: 'gray' } as const;

export function LiftCard({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const lift = data.lift;
  return (
    <Card component="section" aria-labelledby="lift-title" data-testid="lift">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} id="lift-title">
          {t('dashboard.lift.title')}
        </Title>
        {lift && <Badge color={BADGE[verdictOf(lift)]} variant="light">{t(`dashboard.lift.badge.${verdictOf(lift)}`)}</Badge>}
      </Group>
      {!lift ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.lift.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text fw={600} data-testid="lift-sentence">
            {lift.ci95
              ? t(`dashboard.lift.sentence.${verdictOf(lift)}`, { points: formatPoints(lift.absolute), abs: formatPoints(Math.abs(lift.absolute), false), low: formatPoints(lift.ci95.low, false), high: formatPoints(lift.ci95.high, false) })
              : t('dashboard.lift.noInterval', { points: formatPoints(lift.absolute) })}
          </Text>
          {lift.ci95 && <IntervalBar low={lift.ci95.low} high={lift.ci95.high} point={lift.absolute} verdict={verdictOf(lift)} />}
          <Text size="sm">
            {t('dashboard.lift.treated', { converted: formatNumber(lift.treated.converted), entered: formatNumber(lift.treated.entered), rate: formatPercent(lift.treated.rate) })}
          </Text>
          <Text size="sm">
            {t('dashboard.lift.holdout', { converted: formatNumber(lift.holdout.converted), entered: formatNumber(lift.holdout.entered), rate: formatPercent(lift.holdout.rate) })}
          </Text>
          {verdictOf(lift) === 'helped' && (
            <Text size="sm">{t('dashboard.lift.added', { value: formatMoney(lift.incrementalRevenue, data.currency) })}</Text>
          )}
          <Text size="xs" c="dimmed">
            {t('dashboard.lift.explain')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

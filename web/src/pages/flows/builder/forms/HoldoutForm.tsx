/**
 * A holdout's share. Those held out get nothing from this flow; the report compares their purchases
 * with everyone else's, which is the honest measure of what the emails add. 0 messages everyone.
 */
import { NumberInput, Slider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../api/flows.ts';
import type { Update } from './update.ts';

export function HoldoutForm({ step, update }: { step: NodeOf<'holdout'>; update: Update<NodeOf<'holdout'>> }) {
  const { t } = useTranslation();
  const set = (v: number | string) => update({ percent: v === '' ? 0 : Math.min(100, Math.max(0, Number(v))) }, 'percent');
  return (
    <Stack gap="xs">
      <NumberInput label={t('flow.fields.holdout')} value={step.percent} min={0} max={100} decimalScale={1} allowNegative={false} suffix=" %" onChange={set} />
      <Slider value={step.percent} onChange={set} min={0} max={50} step={1} label={(v) => `${v}%`} aria-label={t('flow.fields.holdout')} marks={[{ value: 0 }, { value: 10 }, { value: 25 }, { value: 50 }]} />
      <Text size="xs" c="dimmed" mt="xs">
        {t('flow.fields.holdoutHint')}
      </Text>
    </Stack>
  );
}

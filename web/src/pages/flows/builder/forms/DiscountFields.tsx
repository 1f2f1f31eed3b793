/**
 * The discount a send step offers: a kind, a value (a percentage, or an amount in the store's
 * currency as the engine reads it) and how long the unique code works, either a duration or until
 * midnight in the shopper's own time zone.
 */
import { NumberInput, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../../api/flows.ts';
import { DurationInput } from './DurationInput.tsx';

export interface DiscountFieldsProps {
  discount: Discount;
  currency: string;
  onChange: (d: Discount, field?: string) => void;
}

export function DiscountFields({ discount, currency, onChange }: DiscountFieldsProps) {
  const { t } = useTranslation();
  const kindLabel = useId();
  const kinds = (['percent', 'amount', 'free_shipping'] as const).map((k) => ({ value: k, label: t(`flow.fields.discountKinds.${k}`) }));
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id={kindLabel}>
          {t('flow.fields.discountKind')}
        </Text>
        <SegmentedControl aria-labelledby={kindLabel} fullWidth size="xs" data={kinds} value={discount.kind} onChange={(k) => onChange({ ...discount, kind: k as Discount['kind'], value: k === 'free_shipping' ? 0 : discount.value })} />
      </div>
      {discount.kind !== 'free_shipping' && (
        <NumberInput
          label={t('flow.fields.discountValue')}
          value={discount.value}
          min={0}
          max={discount.kind === 'percent' ? 100 : undefined}
          decimalScale={2}
          allowNegative={false}
          suffix={discount.kind === 'percent' ? ' %' : undefined}
          rightSection={discount.kind === 'amount' ? <Text size="xs" c="dimmed">{currency}</Text> : undefined}
          onChange={(v) => onChange({ ...discount, value: v === '' ? 0 : Number(v) }, 'discount.value')}
        />
      )}
      <Radio.Group label={t('flow.fields.validity')} value={discount.validFor === 'today' ? 'today' : 'for'} onChange={(v) => onChange({ ...discount, validFor: v === 'today' ? 'today' : 'P3D' })}>
        <Stack gap={6} mt={6}>
          <Radio value="for" label={t('flow.fields.validForChoice')} />
          <Radio value="today" label={t('flow.fields.validToday')} />
        </Stack>
      </Radio.Group>
      {discount.validFor !== 'today' && <DurationInput label={t('flow.fields.validFor')} value={discount.validFor} onChange={(validFor) => onChange({ ...discount, validFor }, 'discount.validFor')} />}
    </Stack>
  );
}

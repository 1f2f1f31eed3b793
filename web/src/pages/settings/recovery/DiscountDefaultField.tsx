/**
 * What a new discount step offers until someone changes it in the flow builder: a kind, a value
 * (a percentage, or an amount in the store currency) and how long the unique code works (a
 * duration, or until the end of the shopper's day). Steps keep their own; this is a starting point.
 */
import { Group, NumberInput, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../api/types.ts';
import { DurationInput } from '../fields/DurationInput.tsx';

type Default = StoreSettings['discountDefault'];
const KINDS = ['percent', 'amount', 'free_shipping'] as const;

export function DiscountDefaultField({ value, currency, onChange, error }: { value: Default; currency: string; onChange: (d: Default) => void; error?: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap="sm">
      <div>
        <Text id={labelId} fw={500} size="sm">{t('settings.recovery.discountDefault')}</Text>
        <Text size="xs" c="dimmed">{t('settings.recovery.discountDefaultHelp')}</Text>
      </div>
      <SegmentedControl
        aria-labelledby={labelId}
        maw={420}
        data={KINDS.map((k) => ({ value: k, label: t(`settings.recovery.discountKinds.${k}`) }))}
        value={value.kind}
        onChange={(k) => onChange({ ...value, kind: k as Default['kind'], value: k === 'free_shipping' ? 0 : value.value })}
      />
      <Group align="flex-start" gap="lg">
        {value.kind !== 'free_shipping' && (
          <NumberInput
            label={t('settings.recovery.discountValue')}
            value={value.value}
            min={0}
            max={value.kind === 'percent' ? 100 : undefined}
            decimalScale={2}
            allowNegative={false}
            suffix={value.kind === 'percent' ? ' %' : undefined}
            rightSection={value.kind === 'amount' ? <Text size="xs" c="dimmed">{currency}</Text> : undefined}
            onChange={(v) => onChange({ ...value, value: v === '' ? 0 : Number(v) })}
            error={error}
            w={160}
          />
        )}
        <Radio.Group label={t('settings.recovery.discountValidity')} value={value.validFor === 'today' ? 'today' : 'for'} onChange={(v) => onChange({ ...value, validFor: v === 'today' ? 'today' : 'P3D' })}>
          <Group gap="md" mt={6}>
            <Radio value="for" label={t('settings.recovery.discountValidFor')} />
            <Radio value="today" label={t('settings.recovery.discountValidToday')} />
          </Group>
        </Radio.Group>
        {value.validFor !== 'today' && <DurationInput label={t('settings.recovery.discountDuration')} value={value.validFor} onChange={(validFor) => onChange({ ...value, validFor })} units={['hours', 'days', 'weeks']} />}
      </Group>
    </Stack>
  );
}

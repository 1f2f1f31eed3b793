/**
 * A duration as people say it, a number and a unit, stored as ISO 8601 (30 + hours → PT30H). The
 * unit is kept while the number is being retyped (an empty box is "0 hours", which the check then
 * reports), and an outside change such as undo shows through.
 */
import { Group, NumberInput, Select } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDuration, toDuration, UNITS, type Unit } from '../model/duration.ts';

export interface DurationInputProps {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  description?: string;
}

export function DurationInput({ label, value, onChange, description }: DurationInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const parsed = parseDuration(value);
  const [amount, setAmount] = useState<number | ''>(parsed?.value ?? '');
  const [unit, setUnit] = useState<Unit>(parsed?.unit ?? 'hours');

  useEffect(() => {
    if (amount !== '' && toDuration({ value: amount, unit }) === value) return;
    const p = parseDuration(value);
    if (p) {
      setAmount(p.value);
      setUnit(p.unit);
    }
    // Only an outside change of `value` re-reads it; typing keeps what is typed.
  }, [value]);

  const emit = (a: number | '', u: Unit) => onChange(toDuration({ value: a === '' ? 0 : a, unit: u }));
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        id={id}
        label={label}
        description={description}
        value={amount}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        onChange={(v) => {
          const a = v === '' ? '' : Number(v);
          setAmount(a);
          emit(a, unit);
        }}
        style={{ flex: 1 }}
      />
      <Select
        aria-label={t('flow.fields.unit', { field: label })}
        data={UNITS.map((u) => ({ value: u, label: t(`flow.unitNames.${u}`) }))}
        value={unit}
        allowDeselect={false}
        onChange={(v) => {
          const u = (v ?? 'hours') as Unit;
          setUnit(u);
          emit(amount, u);
        }}
        w={120}
      />
    </Group>
  );
}

/**
 * A length of time as a whole number and a unit, stored as ISO 8601 (30 minutes is PT30M). The
 * number carries the field's label; the unit menu is named after it, so a screen reader hears
 * "Abandonment timeout, unit". What is typed is kept as typed (60 minutes does not jump to 1 hour)
 * until the value changes from outside (a reset). An empty number is sent as '' (the server then
 * names the field).
 */
import { Group, Input, NativeSelect, NumberInput } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromIso, toIso, UNITS, type Amount, type Unit } from '../form/duration.ts';

export interface DurationInputProps {
  label: string;
  description?: string;
  value: string;
  onChange: (iso: string) => void;
  /** a message, or true to only mark the inputs (the message is shown by the caller) */
  error?: string | boolean;
  /** the units offered (seconds are only useful for trying things out) */
  units?: readonly Unit[];
}

const isoOf = (a: Amount) => (Number.isFinite(a.amount) ? toIso(a) : '');

export function DurationInput({ label, description, value, onChange, error, units = UNITS }: DurationInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState<Amount | null>(null);
  const shown: Amount = typed && isoOf(typed) === value ? typed : (fromIso(value) ?? { amount: Number.NaN, unit: typed?.unit ?? 'minutes' });
  const offered = units.includes(shown.unit) ? units : [shown.unit, ...units];
  const emit = (next: Amount) => {
    setTyped(next);
    onChange(isoOf(next));
  };
  const describedBy = [description && `${id}-description`, typeof error === 'string' && error && `${id}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <Group gap="xs" wrap="nowrap" mt={4} maw={340}>
        <NumberInput
          id={id}
          value={Number.isFinite(shown.amount) ? shown.amount : ''}
          onChange={(v) => emit({ amount: typeof v === 'number' ? v : Number.NaN, unit: shown.unit })}
          min={1}
          max={100000}
          allowDecimal={false}
          allowNegative={false}
          error={!!error}
          aria-describedby={describedBy}
          style={{ flex: 1 }}
        />
        <NativeSelect
          aria-label={t('settings.duration.unitOf', { label })}
          value={shown.unit}
          onChange={(e) => emit({ amount: shown.amount, unit: e.currentTarget.value as Unit })}
          data={offered.map((u) => ({ value: u, label: t(`settings.duration.units.${u}`, { count: Number.isFinite(shown.amount) ? shown.amount : 2 }) }))}
          style={{ flex: 1 }}
        />
      </Group>
    </Input.Wrapper>
  );
}

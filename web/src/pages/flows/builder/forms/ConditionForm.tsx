/**
 * What a condition asks: bought already, opened or clicked (any email of this run, or one step's),
 * may receive email, or the cart's value against an amount in the store's currency.
 */
import { NumberInput, SegmentedControl, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Check, NodeOf } from '../../../../api/flows.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { stepName } from '../model/describe.ts';
import type { Update } from './update.ts';

type Cond = NodeOf<'condition'>;
const KINDS = ['purchased', 'opened', 'clicked', 'has_consent', 'cart_value'] as const;

function fresh(kind: Check['kind']): Check {
  if (kind === 'has_consent') return { kind, channel: 'email' };
  if (kind === 'cart_value') return { kind, op: 'gte', amount: 100 };
  return { kind };
}

export function ConditionForm({ step, update }: { step: Cond; update: Update<Cond> }) {
  const { t } = useTranslation();
  const { def, currency } = useBuilderInfo();
  const c = step.check;
  const sends = def.nodes.filter((n) => n.type === 'send_email').map((n) => ({ value: n.id, label: stepName(t, n) }));
  return (
    <Stack gap="md">
      <Select label={t('flow.fields.check')} data={KINDS.map((k) => ({ value: k, label: t(`flow.fields.checks.${k}`) }))} value={c.kind} allowDeselect={false} onChange={(k) => k && k !== c.kind && update({ check: fresh(k as Check['kind']) })} />
      {(c.kind === 'opened' || c.kind === 'clicked') && (
        <Select
          label={t('flow.fields.whichEmail')}
          data={[{ value: '', label: t('flow.fields.anyEmail') }, ...sends]}
          value={c.node ?? ''}
          allowDeselect={false}
          onChange={(v) => update({ check: v ? { kind: c.kind, node: v } : { kind: c.kind } })}
        />
      )}
      {c.kind === 'cart_value' && (
        <>
          <SegmentedControl
            aria-label={t('flow.fields.comparison')}
            data={[{ value: 'gte', label: t('flow.fields.ops.gte') }, { value: 'lt', label: t('flow.fields.ops.lt') }]}
            value={c.op}
            onChange={(op) => update({ check: { ...c, op: op as 'gte' | 'lt' } })}
          />
          <NumberInput label={t('flow.fields.amount', { currency })} value={c.amount} min={0} decimalScale={2} allowNegative={false} onChange={(v) => update({ check: { ...c, amount: v === '' ? 0 : Number(v) } }, 'amount')} />
        </>
      )}
    </Stack>
  );
}

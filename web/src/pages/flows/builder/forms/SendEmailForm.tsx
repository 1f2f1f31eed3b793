/**
 * A send step: its template (or A/B variants of several), and an optional discount. With variants,
 * `template` follows the first variant: the contract requires it, and skips are recorded under it.
 */
import { Divider, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../api/flows.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { DiscountFields } from './DiscountFields.tsx';
import { TemplateSelect } from './TemplateSelect.tsx';
import type { Update } from './update.ts';
import { VariantsFields } from './VariantsFields.tsx';

type Send = NodeOf<'send_email'>;

export function SendEmailForm({ step, update, currency }: { step: Send; update: Update<Send>; currency: string }) {
  const { t } = useTranslation();
  const variants = step.variants;
  const { discountDefault } = useBuilderInfo();
  return (
    <Stack gap="md">
      {!variants && <TemplateSelect label={t('flow.fields.template')} description={t('flow.fields.templateHint')} value={step.template} onChange={(template) => update({ template })} />}
      <Switch
        label={t('flow.fields.ab')}
        description={t('flow.fields.abHint')}
        checked={!!variants}
        onChange={(e) => update({ variants: e.currentTarget.checked ? [{ id: 'a', template: step.template, weight: 50 }, { id: 'b', template: '', weight: 50 }] : undefined })}
      />
      {variants && <VariantsFields variants={variants} onChange={(vs, field) => update({ variants: vs, template: vs[0]?.template ?? '' }, field)} />}
      <Divider />
      <Switch
        label={t('flow.fields.discount')}
        description={t('flow.fields.discountHint')}
        checked={!!step.discount}
        onChange={(e) => update({ discount: e.currentTarget.checked ? { ...discountDefault } : undefined })}
      />
      {step.discount && <DiscountFields discount={step.discount} currency={currency} onChange={(discount, field) => update({ discount }, field)} />}
    </Stack>
  );
}

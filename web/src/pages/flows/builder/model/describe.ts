/**
 * Each step in words, as the canvas, the list of steps and the problems show it: "Wait 30 hours",
 * "Send “helpful-2” with 5% off, valid for 3 days", "If the cart is worth at least $100.00",
 * "Hold out 10%". Sentences are whole translation keys, so Chinese gets its own word order.
 */
import type { TFunction } from 'i18next';
import type { Check, Discount, FlowDefinition, FlowNode } from '../../../../api/flows.ts';
import { formatMoney, formatPercent, minorDigits } from '../../../../format.ts';
import { parseDuration } from './duration.ts';

export function money(value: number, currency: string): string {
  return formatMoney(Math.round(value * 10 ** minorDigits(currency)), currency);
}

/** "30 hours", "3 days"; null when the text is not a duration of at least a second. */
export function durationText(t: TFunction, iso: string): string | null {
  const d = parseDuration(iso);
  return d ? t(`flow.units.${d.unit}`, { count: d.value }) : null;
}

/** The step's own label, else its kind and id ("Send email · email-2"): how problems name it. */
export function stepName(t: TFunction, step: FlowNode): string {
  return step.label?.trim() || `${t(`flow.types.${step.type}`)} · ${step.id}`;
}

function discountText(t: TFunction, d: Discount, currency: string): string {
  const offer = d.kind === 'percent' ? t('flow.summary.percentOff', { value: d.value }) : d.kind === 'amount' ? t('flow.summary.amountOff', { amount: money(d.value, currency) }) : t('flow.summary.freeShipping');
  const valid = d.validFor === 'today' ? t('flow.summary.validToday') : t('flow.summary.validFor', { duration: durationText(t, d.validFor) ?? d.validFor });
  return t('flow.summary.offer', { offer, valid });
}

function checkText(t: TFunction, c: Check, def: FlowDefinition, currency: string): string {
  switch (c.kind) {
    case 'opened':
    case 'clicked': {
      const target = c.node ? def.nodes.find((n) => n.id === c.node) : undefined;
      if (!c.node) return t(`flow.summary.${c.kind}Any`);
      return t(`flow.summary.${c.kind}`, { step: target ? stepName(t, target) : c.node });
    }
    case 'cart_value':
      return t(c.op === 'gte' ? 'flow.summary.cartAtLeast' : 'flow.summary.cartBelow', { amount: money(c.amount, currency) });
    default:
      return t(`flow.summary.${c.kind}`);
  }
}

export function stepSummary(t: TFunction, step: FlowNode, def: FlowDefinition, currency: string): string {
  switch (step.type) {
    case 'trigger':
      return t('flow.summary.trigger');
    case 'wait': {
      const d = durationText(t, step.duration);
      return d ? t('flow.summary.wait', { duration: d }) : t('flow.summary.waitUnset');
    }
    case 'send_email': {
      const total = (step.variants ?? []).reduce((s, v) => s + v.weight, 0);
      const what = step.variants?.length
        ? step.variants.map((v) => `“${v.template || '?'}” ${total > 0 ? formatPercent(v.weight / total, 0) : ''}`.trim()).join(' / ')
        : step.template ? `“${step.template}”` : '';
      if (!what) return t('flow.summary.sendUnset');
      const base = t(step.variants?.length ? 'flow.summary.sendAb' : 'flow.summary.send', { what });
      return step.discount ? `${base}${t('flow.summary.with', { offer: discountText(t, step.discount, currency) })}` : base;
    }
    case 'condition':
      return t('flow.summary.if', { check: checkText(t, step.check, def, currency) });
    case 'holdout':
      return t('flow.summary.holdout', { percent: step.percent });
    case 'exit':
      return t('flow.summary.exit');
  }
}

/**
 * The `why` of a message (src/reports/explain.ts) and the end of a flow run, as sentences in the
 * interface language. Codes the app does not know yet are shown as they are, never dropped.
 */
import type { TFunction } from 'i18next';
import type { Reason } from '../../api/people.ts';
import { formatDateTime } from '../../format.ts';
import { formatDuration, formatList } from './duration.ts';

const CHECKS = ['not_purchased', 'cart_not_empty', 'not_unsubscribed', 'not_suppressed', 'consent', 'postal_address', 'quiet_hours', 'frequency_cap', 'footer_shown'] as const;
/** Why a step was not sent, or a run ended: the codes of send_email's checks, orders and links. */
const STOPS = ['purchased', 'cart_emptied', 'unsubscribed', 'suppressed', 'no_consent', 'no_email', 'no_contact', 'frequency_cap', 'template_missing', 'no_postal_address', 'template_incomplete', 'template_error', 'bounced', 'complained'] as const;
const EXITS = [...STOPS, 'completed', 'holdout', 'node_missing', 'simulation_ended'] as const;
const DELIVERY = ['sent', 'sending', 'uncertain', 'failed'] as const;

const known = <T extends string>(list: readonly T[], code: string | null): code is T => list.includes(code as T);

export function stopText(t: TFunction, code: string | null): string {
  return known(STOPS, code) ? t(`contact.stop.${code}`) : t('contact.stop.other', { code: code ?? '?' });
}

export function exitText(t: TFunction, code: string | null): string {
  return known(EXITS, code) ? t(`contact.exit.${code}`) : t('contact.exit.other', { code: code ?? '?' });
}

export function reasonText(t: TFunction, r: Reason): string {
  switch (r.code) {
    case 'entered_flow':
      return t(r.holdout ? 'contact.why.enteredHoldout' : 'contact.why.entered', { flow: r.flowName, version: r.version, at: formatDateTime(r.at) });
    case 'waited':
      return t('contact.why.waited', { duration: formatDuration(r.duration) });
    case 'postponed':
      return t(r.cause === 'quiet_hours' ? 'contact.why.quietHours' : 'contact.why.returned', { at: formatDateTime(r.at), until: r.until ? formatDateTime(r.until) : '—' });
    case 'checks_passed':
      return t('contact.why.checks', { checks: formatList(r.checks.map((c) => (known(CHECKS, c) ? t(`contact.check.${c}`) : c))) });
    case 'stopped':
      // A suppressed or unsubscribed address says why when the sending service told us: it bounced, or its owner complained.
      return t('contact.why.stopped', { reason: stopText(t, r.cause === 'hard_bounce' ? 'bounced' : r.cause === 'complaint' ? 'complained' : r.check) });
    case 'delivery':
      return known(DELIVERY, r.status) ? t(`contact.why.delivery.${r.status}`, { detail: r.detail ?? '' }) : r.status;
    default:
      return (r as { code: string }).code;
  }
}

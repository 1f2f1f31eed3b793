/**
 * Recording what the mail server said (or did not say) about a message, after the provider call.
 * Sent: done. Deferred (4xx, no connection): the message waits and the run stays at this step until
 * the next attempt, with growing pauses, then gives up. Rejected (5xx): failed; a hard bounce (the
 * address does not exist) suppresses the contact, so nothing else goes there. Uncertain (the
 * connection broke while the server had the message): never tried again (invariant 2).
 */
import { deliveryOutcome, RETRY_PAUSES_MS } from '../../../channels/email/delivery-outcome.ts';
import type { Outcome } from '../../engine/deps.ts';
import type { Input } from './mail.ts';

export async function recordDelivery(input: Input, messageId: string, attempts: number, err: unknown): Promise<Outcome> {
  const { deps, node, run } = input;
  const now = deps.clock.now();
  const db = deps.db;
  const o = deliveryOutcome(err);
  const next: Outcome = { kind: 'next', node: node.next };
  if (o.kind === 'deferred') {
    const pause = RETRY_PAUSES_MS[attempts - 1];
    if (pause === undefined) {
      await db.updateTable('messages').set({ status: 'failed', reason: `gave up after ${attempts} attempts: ${o.reason}` }).where('id', '=', messageId).execute();
      return next;
    }
    deps.log.info({ messageId, attempts, reason: o.reason }, 'delivery deferred; trying again later');
    await db.updateTable('messages').set({ status: 'deferred', reason: o.reason }).where('id', '=', messageId).execute();
    return { kind: 'wait', until: now + pause, node: node.id };
  }
  deps.log.warn({ messageId, outcome: o.kind, reason: o.reason }, 'email delivery failed');
  await db.updateTable('messages').set({ status: o.kind === 'rejected' ? 'failed' : 'uncertain', reason: o.reason }).where('id', '=', messageId).execute();
  if (o.kind === 'rejected' && o.hardBounce) {
    await db.updateTable('contacts').set({ suppressed_at: now, suppressed_reason: 'hard_bounce', updated_at: now }).where('id', '=', run.contact_id).where('suppressed_at', 'is', null).execute();
  }
  return next;
}

/** The "why" of a skipped message names a bounce or a complaint when that is what blocked the address. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Selectable } from 'kysely';
import type { MessageTable } from '../store/schema.ts';
import { explainMessage } from './explain.ts';

const skipped = (reason: string, at = 2000): Selectable<MessageTable> => ({
  store_id: 's', id: 'm', run_id: 'r', node_id: 'email-2', flow_id: 'f', contact_id: 'c', cart_id: null, channel: 'email', template: 'helpful-2', variant: null,
  locale: null, to_address: null, subject: null, status: 'skipped', reason, provider_id: null, discount_code: null, links: '[]', created_at: at, sent_at: null,
  opened_at: null, clicked_at: null, last_opened_at: null, last_clicked_at: null, open_count: 0, click_count: 0, attempts: 0,
});
const stopped = (reason: string, contact?: { suppressed_at: number | null; suppressed_reason: string | null }, at?: number) =>
  explainMessage(skipped(reason, at), undefined, undefined, 'Flow', [], contact).find((r) => r.code === 'stopped');

test('a suppressed address says it bounced, and a complaint says so whether the check that stopped it was the unsubscribe or the suppression', () => {
  assert.deepEqual(stopped('suppressed', { suppressed_at: 1000, suppressed_reason: 'hard_bounce' }), { code: 'stopped', check: 'suppressed', cause: 'hard_bounce' });
  assert.deepEqual(stopped('unsubscribed', { suppressed_at: 1000, suppressed_reason: 'complaint' }), { code: 'stopped', check: 'unsubscribed', cause: 'complaint' });
  assert.deepEqual(stopped('suppressed', { suppressed_at: 1000, suppressed_reason: 'complaint' }), { code: 'stopped', check: 'suppressed', cause: 'complaint' });
});

test('no cause when the block was something else, or came after the message', () => {
  assert.deepEqual(stopped('unsubscribed', { suppressed_at: 1000, suppressed_reason: 'hard_bounce' }), { code: 'stopped', check: 'unsubscribed' }, 'they had unsubscribed; the bounce is not why');
  assert.deepEqual(stopped('suppressed', { suppressed_at: 1000, suppressed_reason: 'before_erasure' }), { code: 'stopped', check: 'suppressed' });
  assert.deepEqual(stopped('suppressed', { suppressed_at: 3000, suppressed_reason: 'hard_bounce' }, 2000), { code: 'stopped', check: 'suppressed' });
  assert.deepEqual(stopped('purchased', { suppressed_at: 1000, suppressed_reason: 'hard_bounce' }), { code: 'stopped', check: 'purchased' });
  assert.deepEqual(stopped('suppressed'), { code: 'stopped', check: 'suppressed' });
});

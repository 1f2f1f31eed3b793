/**
 * The pieces of a send step that build the mail: the A/B variant (stable per run), the unique
 * discount code (issued once per message, reused when a deferred message is tried again), the
 * skip record, and the frequency cap.
 */
import type { Transaction } from 'kysely';
import type { DiscountView } from '../../../channels/email/compose.ts';
import type { NodeOf } from '../../../contracts/flow.ts';
import { parseDuration } from '../../../kernel/duration.ts';
import { newId, randomCode } from '../../../kernel/ids.ts';
import { toMinor } from '../../../kernel/money.ts';
import { endOfLocalDay } from '../../../kernel/timezone.ts';
import type { Cart } from '../../../store/queries/carts.ts';
import type { Contact } from '../../../store/queries/contacts.ts';
import type { DB } from '../../../store/schema.ts';
import { stableRandom, type StepInput } from '../../engine/deps.ts';

export type Input = StepInput<NodeOf<'send_email'>>;

export function pickVariant(input: Input): { variant: string | null; template: string } {
  const { node, run } = input;
  if (!node.variants) return { variant: null, template: node.template };
  const total = node.variants.reduce((s, v) => s + v.weight, 0);
  let roll = stableRandom(run.id, `variant:${node.id}`) * total;
  for (const v of node.variants) {
    roll -= v.weight;
    if (roll < 0) return { variant: v.id, template: v.template };
  }
  const last = node.variants[node.variants.length - 1]!;
  return { variant: last.id, template: last.template };
}

export async function recordSkip(tx: Transaction<DB>, input: Input, reason: string, now: number): Promise<void> {
  const { run, node } = input;
  await tx
    .insertInto('messages')
    .values({
      store_id: run.store_id, id: newId(), run_id: run.id, node_id: node.id, flow_id: run.flow_id, contact_id: run.contact_id, cart_id: run.cart_id,
      channel: 'email', template: node.template, variant: null, locale: null, to_address: null, subject: null, status: 'skipped', reason,
      provider_id: null, discount_code: null, links: '[]', created_at: now, sent_at: null, opened_at: null, clicked_at: null, last_opened_at: null, last_clicked_at: null,
    })
    .execute();
}

export async function overFrequencyCap(tx: Transaction<DB>, input: Input, now: number): Promise<boolean> {
  const cap = input.store.settings.frequencyCap;
  if (!cap) return false;
  const row = await tx
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', input.run.store_id)
    .where('contact_id', '=', input.run.contact_id)
    .where('status', 'in', ['sent', 'sending', 'uncertain'])
    .where('created_at', '>', now - parseDuration(cap.per))
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= cap.max;
}

/** The step's discount for this message: the code it already has (a retry), or a new unique one. */
export async function discountFor(tx: Transaction<DB>, input: Input, contact: Contact, cart: Cart | undefined, messageId: string, now: number): Promise<DiscountView | null> {
  const d = input.node.discount;
  if (!d) return null;
  const issued = await tx.selectFrom('discount_codes').selectAll().where('store_id', '=', input.run.store_id).where('message_id', '=', messageId).executeTakeFirst();
  if (issued) return { code: issued.code, kind: issued.kind as DiscountView['kind'], value: issued.value, expiresAt: issued.expires_at };
  const s = input.store.settings;
  const currency = cart?.currency ?? s.currency;
  const view: DiscountView = {
    code: `${s.discountPrefix ? `${s.discountPrefix}-` : ''}${randomCode(8)}`,
    kind: d.kind,
    value: d.kind === 'amount' ? toMinor(d.value, currency) : d.value,
    expiresAt: d.validFor === 'today' ? endOfLocalDay(now, contact.timezone ?? s.timezone) : now + parseDuration(d.validFor),
  };
  await tx
    .insertInto('discount_codes')
    .values({ store_id: input.run.store_id, code: view.code, contact_id: contact.id, message_id: messageId, kind: view.kind, value: view.value, currency, expires_at: view.expiresAt, created_at: now, redeemed_order_id: null })
    .execute();
  return view;
}

/**
 * send_email: the step that reaches a shopper. In ONE transaction it re-checks everything that may
 * have changed while the run waited (invariants 1 and 3: purchase, empty cart, unsubscribe,
 * suppression, consent, quiet hours, frequency cap) and writes the message row keyed by
 * (run, node) before any provider is called (invariant 2). A crash after that commit never sends
 * again: the replayed step finds the row and moves on (at-most-once).
 */
import type { Transaction } from 'kysely';
import { emailContext, emailLocale, fromAddress, resolveTemplate, type DiscountView } from '../../channels/email/compose.ts';
import { renderEmail } from '../../channels/email/render.ts';
import type { OutgoingMail } from '../../channels/email/transport.ts';
import { emailBlockReason } from '../../contacts/reachability.ts';
import type { NodeOf } from '../../contracts/flow.ts';
import { parseDuration } from '../../kernel/duration.ts';
import { newId, randomCode } from '../../kernel/ids.ts';
import { toMinor } from '../../kernel/money.ts';
import { endOfLocalDay, quietUntil } from '../../kernel/timezone.ts';
import { messageLinks, trackClicks } from '../../links/tracking.ts';
import { getCart, type Cart } from '../../store/queries/carts.ts';
import { getContact, type Contact } from '../../store/queries/contacts.ts';
import { hasPendingBefore } from '../../store/queries/events.ts';
import { hasPurchased } from '../../store/queries/orders.ts';
import { addRunNote } from '../../store/queries/run-notes.ts';
import { endRuns, lockOwnRun } from '../../store/queries/runs.ts';
import type { DB } from '../../store/schema.ts';
import { stableRandom, type Outcome, type StepInput } from '../engine/deps.ts';

export const type = 'send_email';
const OUTBOX_RETRY_MS = 100;
type Input = StepInput<NodeOf<'send_email'>>;

function pickVariant(input: Input): { variant: string | null; template: string } {
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

async function recordSkip(tx: Transaction<DB>, input: Input, reason: string, now: number): Promise<void> {
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

async function overFrequencyCap(tx: Transaction<DB>, input: Input, now: number): Promise<boolean> {
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

async function issueDiscount(tx: Transaction<DB>, input: Input, contact: Contact, cart: Cart | undefined, messageId: string, now: number): Promise<DiscountView | null> {
  const d = input.node.discount;
  if (!d) return null;
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

/** The claim transaction: decide, and if sending, write the message row. Returns the mail or an outcome. */
async function claimSend(input: Input): Promise<{ mail: OutgoingMail } | { outcome: Outcome }> {
  const { deps, run, node, store } = input;
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    if (!(await lockOwnRun(tx, deps.caps, run.id, deps.owner))) return { outcome: { kind: 'applied' } }; // ended or lease lost
    const existing = await tx.selectFrom('messages').select(['id', 'status']).where('run_id', '=', run.id).where('node_id', '=', node.id).executeTakeFirst();
    if (existing) {
      // Claimed before a crash: the provider may or may not have it. Never send twice.
      if (existing.status === 'sending') await tx.updateTable('messages').set({ status: 'uncertain', reason: 'interrupted_before_confirmation' }).where('id', '=', existing.id).execute();
      return { outcome: { kind: 'next', node: node.next } };
    }
    const stop = async (reason: string): Promise<{ outcome: Outcome }> => {
      await recordSkip(tx, input, reason, now);
      await endRuns(tx, [run.id], reason, now);
      return { outcome: { kind: 'applied' } };
    };
    // Invariants 1 and 3 for what was acknowledged: an order or an opt-out accepted before now may
    // still wait in the outbox. Then the applier goes first, and this step is tried again shortly.
    if (await hasPendingBefore(tx, store.id, now)) {
      await tx.updateTable('runs').set({ due_at: now + OUTBOX_RETRY_MS, lease_owner: null, lease_until: null }).where('id', '=', run.id).execute();
      return { outcome: { kind: 'applied' } };
    }
    if (await hasPurchased(tx, store.id, { contactId: run.contact_id, cartId: run.cart_id, cartStartedAt: run.cart_started_at, runStartedAt: run.started_at })) return stop('purchased');
    const cart = run.cart_id ? await getCart(tx, run.cart_id) : undefined;
    if (run.cart_id && (!cart || cart.item_count === 0)) return stop('cart_emptied');
    if (cart && (cart.status === 'purchased' || cart.status === 'recovered')) return stop('purchased');
    const contact = await getContact(tx, run.contact_id);
    const blocked = emailBlockReason(contact, store.settings);
    if (blocked || !contact) return stop(blocked ?? 'no_contact');
    const quiet = store.settings.quietHours && quietUntil(now, contact.timezone ?? store.settings.timezone, store.settings.quietHours);
    if (quiet) {
      await tx.updateTable('runs').set({ due_at: quiet, lease_owner: null, lease_until: null }).where('id', '=', run.id).execute();
      await addRunNote(tx, { store_id: store.id, run_id: run.id, contact_id: run.contact_id, node_id: node.id, at: now, kind: 'quiet_hours', until: quiet });
      return { outcome: { kind: 'applied' } };
    }
    if (await overFrequencyCap(tx, input, now)) {
      await recordSkip(tx, input, 'frequency_cap', now);
      return { outcome: { kind: 'next', node: node.next } };
    }

    const { variant, template: key } = pickVariant(input);
    const locale = emailLocale(contact, store);
    const template = await resolveTemplate(tx, store, key, locale);
    if (!template) return stop('template_missing');
    const messageId = newId();
    const discount = await issueDiscount(tx, input, contact, cart, messageId, now);
    const links = messageLinks(deps.publicUrl, deps.signer, messageId, now);
    const rendered = await renderEmail(template, emailContext({ store, contact, cart, discount, links, locale }));
    const tracked = trackClicks(rendered.html, deps.publicUrl, deps.signer, messageId, now);
    await tx
      .insertInto('messages')
      .values({
        store_id: store.id, id: messageId, run_id: run.id, node_id: node.id, flow_id: run.flow_id, contact_id: contact.id, cart_id: run.cart_id,
        channel: 'email', template: key, variant, locale, to_address: contact.email, subject: rendered.subject, status: 'sending', reason: null,
        provider_id: null, discount_code: discount?.code ?? null, links: JSON.stringify(tracked.targets), created_at: now, sent_at: null,
        opened_at: null, clicked_at: null, last_opened_at: null, last_clicked_at: null,
      })
      .execute();
    const mail: OutgoingMail = {
      storeId: store.id, messageId, from: fromAddress(store), to: contact.email!, subject: rendered.subject, html: tracked.html, text: rendered.text,
      // RFC 8058: mailbox providers show an unsubscribe button that POSTs to this URL.
      headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
    return { mail };
  });
}

export async function execute(input: Input): Promise<Outcome> {
  const claimed = await claimSend(input);
  if ('outcome' in claimed) return claimed.outcome;
  const { deps } = input;
  const { mail } = claimed;
  try {
    const mailer = deps.mailerFor?.(input.store) ?? deps.mailer;
    const { providerId } = await mailer.send(mail);
    await deps.db.updateTable('messages').set({ status: 'sent', provider_id: providerId, sent_at: deps.clock.now() }).where('id', '=', mail.messageId).execute();
  } catch (err) {
    deps.log.warn({ err, messageId: mail.messageId }, 'email delivery failed');
    await deps.db.updateTable('messages').set({ status: 'failed', reason: String((err as Error).message).slice(0, 500) }).where('id', '=', mail.messageId).execute();
  }
  return { kind: 'next', node: input.node.next };
}

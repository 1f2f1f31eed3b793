/**
 * send_email: the step that reaches a shopper. In ONE transaction it re-checks everything that may
 * have changed while the run waited (invariants 1 and 3: purchase, empty cart, unsubscribe,
 * suppression, consent, the store's postal address, quiet hours, frequency cap; after rendering,
 * that the message shows its unsubscribe link and that address, and a template that does not
 * render for this shopper skips the step, so it never holds up the flow's other steps) and writes the message row keyed by
 * (run, node) before any provider is called (invariant 2). A crash after that commit never sends
 * again: the replayed step finds the row and moves on (at-most-once). A message the mail server
 * deferred (send-email/delivery.ts) is the one exception: it was not delivered, so when the run
 * comes back to the step the same message is checked again from the start and sent again.
 */
import type { Transaction } from 'kysely';
import { emailContext, emailLocale, outgoingMail, resolveTemplate } from '../../channels/email/compose.ts';
import { footerProblems } from '../../channels/email/footer.ts';
import { RenderFailure, renderEmail, type RenderedEmail } from '../../channels/email/render.ts';
import type { OutgoingMail } from '../../channels/email/transport.ts';
import { emailBlockReason } from '../../contacts/reachability.ts';
import { erasedOptOut } from '../../privacy/suppression.ts';
import { newId } from '../../kernel/ids.ts';
import { quietUntil } from '../../kernel/timezone.ts';
import { messageLinks, trackClicks } from '../../links/tracking.ts';
import { getCart } from '../../store/queries/carts.ts';
import { getContact } from '../../store/queries/contacts.ts';
import { hasPendingBefore } from '../../store/queries/events.ts';
import { hasPurchased } from '../../store/queries/orders.ts';
import { addRunNote } from '../../store/queries/run-notes.ts';
import { endRuns, lockOwnRun } from '../../store/queries/runs.ts';
import type { DB } from '../../store/schema.ts';
import type { Outcome } from '../engine/deps.ts';
import { recordDelivery } from './send-email/delivery.ts';
import { discountFor, overFrequencyCap, pickVariant, recordSkip, type Input } from './send-email/mail.ts';

export const type = 'send_email';
const OUTBOX_RETRY_MS = 100;

type Claim = { mail: OutgoingMail; attempts: number } | { outcome: Outcome };
type Earlier = { id: string; status: string; attempts: number } | undefined;

/** The claim transaction: decide, and if sending, write the message row. Returns the mail or an outcome. */
async function claimSend(input: Input): Promise<Claim> {
  const { deps, run, node } = input;
  return deps.db.transaction().execute(async (tx) => {
    if (!(await lockOwnRun(tx, deps.caps, run.id, deps.owner))) return { outcome: { kind: 'applied' } }; // ended or lease lost
    const earlier: Earlier = await tx.selectFrom('messages').select(['id', 'status', 'attempts']).where('run_id', '=', run.id).where('node_id', '=', node.id).executeTakeFirst();
    if (earlier && earlier.status !== 'deferred') {
      // Claimed before a crash: the provider may or may not have it. Never send twice.
      if (earlier.status === 'sending') await tx.updateTable('messages').set({ status: 'uncertain', reason: 'interrupted_before_confirmation' }).where('id', '=', earlier.id).execute();
      return { outcome: { kind: 'next', node: node.next } };
    }
    return decideAndWrite(tx, input, earlier);
  });
}

async function decideAndWrite(tx: Transaction<DB>, input: Input, earlier: Earlier): Promise<Claim> {
  const { deps, run, node, store } = input;
  const now = deps.clock.now();
  const stop = async (reason: string): Promise<Claim> => {
    if (earlier) await tx.updateTable('messages').set({ status: 'skipped', reason }).where('id', '=', earlier.id).execute();
    else await recordSkip(tx, input, reason, now);
    await endRuns(tx, [run.id], reason, now);
    return { outcome: { kind: 'applied' } };
  };
  /** This step is not sent; the run goes on to the next (the cause may be fixed by then). */
  const skip = async (reason: string): Promise<Claim> => {
    if (earlier) await tx.updateTable('messages').set({ status: 'skipped', reason }).where('id', '=', earlier.id).execute();
    else await recordSkip(tx, input, reason, now);
    return { outcome: { kind: 'next', node: node.next } };
  };
  const later = async (until: number): Promise<Claim> => {
    await tx.updateTable('runs').set({ due_at: until, lease_owner: null, lease_until: null }).where('id', '=', run.id).execute();
    return { outcome: { kind: 'applied' } };
  };
  // Invariants 1 and 3 for what was acknowledged: an order or an opt-out accepted before now may
  // still wait in the outbox. Then the applier goes first, and this step is tried again shortly.
  if (await hasPendingBefore(tx, store.id, now)) return later(now + OUTBOX_RETRY_MS);
  if (await hasPurchased(tx, store.id, { contactId: run.contact_id, cartId: run.cart_id, cartStartedAt: run.cart_started_at, runStartedAt: run.started_at })) return stop('purchased');
  const cart = run.cart_id ? await getCart(tx, run.cart_id) : undefined;
  if (run.cart_id && (!cart || cart.item_count === 0)) return stop('cart_emptied');
  if (cart && (cart.status === 'purchased' || cart.status === 'recovered')) return stop('purchased');
  const contact = await getContact(tx, run.contact_id);
  const blocked = emailBlockReason(contact, store.settings);
  if (blocked || !contact) return stop(blocked ?? 'no_contact');
  const optedOut = await erasedOptOut(tx, contact, now); // an erased person who had opted out, back under a new contact
  if (optedOut) return stop(optedOut);
  // Marketing mail must show where the sender is (CAN-SPAM, CASL): without an address, none goes out.
  if (!store.settings.postalAddress.trim()) return skip('no_postal_address');
  const quiet = store.settings.quietHours && quietUntil(now, contact.timezone ?? store.settings.timezone, store.settings.quietHours);
  if (quiet) {
    await addRunNote(tx, { store_id: store.id, run_id: run.id, contact_id: run.contact_id, node_id: node.id, at: now, kind: 'quiet_hours', until: quiet });
    return later(quiet);
  }
  if (await overFrequencyCap(tx, input, now)) return skip('frequency_cap');

  const { variant, template: key } = pickVariant(input);
  const locale = emailLocale(contact, store);
  const template = await resolveTemplate(tx, store, key, locale);
  if (!template) return stop('template_missing');
  const messageId = earlier?.id ?? newId();
  const discount = await discountFor(tx, input, contact, cart, messageId, now);
  const links = messageLinks(deps.publicUrl, deps.signer, messageId, now);
  const dropDiscount = async () => {
    if (!earlier && discount) await tx.deleteFrom('discount_codes').where('store_id', '=', store.id).where('message_id', '=', messageId).execute();
  };
  let rendered: RenderedEmail;
  try {
    rendered = await renderEmail(template, emailContext({ store, contact, cart, discount, links, locale }));
  } catch (err) {
    // A store template that fails only with real data (`{{ cart.items[2].name }}` for a cart of
    // two), or that hits a render limit. Thrown, it failed the step on every retry and held the run
    // there, so the flow's later steps and templates never went out: skipped, the run goes on.
    if (!(err instanceof RenderFailure)) throw err;
    deps.log.warn({ storeId: store.id, template: key, locale, part: err.part, err: err.message }, 'email not sent: the template does not render for this shopper');
    await dropDiscount();
    return skip('template_error');
  }
  // A store's template saved before footers were checked, or one that hides them for some carts.
  const missing = footerProblems(rendered, { unsubscribe: links.unsubscribe, postalAddress: store.settings.postalAddress });
  if (missing.length) {
    deps.log.warn({ storeId: store.id, template: key, locale, problems: missing.map((m) => m.message) }, 'email not sent: the template lacks its unsubscribe link or postal address');
    await dropDiscount();
    return skip('template_incomplete');
  }
  const tracked = trackClicks(rendered.html, deps.publicUrl, deps.signer, messageId, now);
  const attempts = (earlier?.attempts ?? 0) + 1;
  const row = { template: key, variant, locale, to_address: contact.email, subject: rendered.subject, status: 'sending', reason: null, discount_code: discount?.code ?? null, links: JSON.stringify(tracked.targets), attempts };
  if (earlier) await tx.updateTable('messages').set(row).where('id', '=', earlier.id).execute();
  else {
    await tx.insertInto('messages').values({
      ...row, store_id: store.id, id: messageId, run_id: run.id, node_id: node.id, flow_id: run.flow_id, contact_id: contact.id, cart_id: run.cart_id, channel: 'email',
      provider_id: null, created_at: now, sent_at: null, opened_at: null, clicked_at: null, last_opened_at: null, last_clicked_at: null,
    }).execute();
  }
  const mail = outgoingMail({ store, messageId, to: contact.email!, rendered, html: tracked.html, links });
  return { mail, attempts };
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
    return recordDelivery(input, mail.messageId, claimed.attempts, err);
  }
  return { kind: 'next', node: input.node.next };
}

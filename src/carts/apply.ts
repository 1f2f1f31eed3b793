/**
 * Applies a cart event to the cart it names. The cart is found by the event's cart_id (or
 * checkout_id); without one, the visitor's implicit cart is used. Business time is the event's
 * occurred_at, never the arrival time, so late and out-of-order events land where they belong.
 */
import type { Product } from '../contracts/segment.ts';
import type { StoreSettings } from '../contracts/store.ts';
import { parseDuration } from '../kernel/duration.ts';
import { AppError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { findCartByExternalId, insertCart, saveCart, type Cart } from '../store/queries/carts.ts';
import type { Tx } from '../store/queries/contacts.ts';
import { itemKey, replaceItems, replay, toItem, totals, type CartEntry } from './cart-state.ts';

export type CartChange =
  | { kind: 'add'; product: Product }
  | { kind: 'remove'; product: Product }
  | { kind: 'snapshot'; products: Product[] }
  | { kind: 'touch' };

export interface CartEvent {
  storeId: string;
  settings: StoreSettings;
  externalId: string | null;
  anonymousId: string | null;
  userId: string | null;
  contactId: string | null;
  currency: string | null;
  occurredAt: number;
  change: CartChange;
  /** the platform's own restore link for this cart (trusted connectors only; see NormalizedEvent) */
  restoreUrl?: string;
}

export function cartExternalId(e: Pick<CartEvent, 'externalId' | 'anonymousId' | 'userId'>): string | null {
  if (e.externalId) return e.externalId;
  if (e.anonymousId) return `visitor:${e.anonymousId}`;
  if (e.userId) return `user:${e.userId}`;
  return null;
}

/**
 * A new cart's `contents_at`: no snapshot yet. Not 0: business time may be before 1970 (a device
 * clock, an import), and an add stamped then must count like any other, not be taken for part of a
 * snapshot from the epoch. The earliest instant a Date can hold, so it still formats (an export
 * shows every instant as ISO 8601; Number.MIN_SAFE_INTEGER made that a 500).
 */
export const NO_SNAPSHOT = -8_640_000_000_000_000;

function emptyCart(e: CartEvent, externalId: string, now: number): Cart {
  return {
    store_id: e.storeId, id: newId(), external_id: externalId, contact_id: e.contactId, anonymous_id: e.anonymousId,
    status: 'active', items: [], item_count: 0, value: 0, currency: e.currency ?? e.settings.currency,
    started_at: e.occurredAt, last_activity_at: e.occurredAt, contents_at: NO_SNAPSHOT, deltas: [], abandon_due_at: null, abandoned_at: null,
    enrolled_at: null, purchased_at: null, order_id: null, restore_url: null, created_at: now, updated_at: now,
  };
}

/** Entries kept per cart; past this the oldest half is folded into one snapshot (older late deltas then count as part of it). */
const MAX_ENTRIES = 100;

const byTime = (a: CartEntry, b: CartEntry) => a.at - b.at || (a.kind === 'snapshot' ? 0 : 1) - (b.kind === 'snapshot' ? 0 : 1);

/**
 * The contents after the event. A snapshot not older than the last one replaces it and the deltas
 * before it (deltas after it stay: they are newer news); a delta older than the last snapshot is
 * already part of it; any other delta joins the entries, and the contents are the entries replayed
 * in business-time order, so an add or remove that arrives late lands at its own time.
 */
function nextContents(cart: Cart, e: CartEvent): Pick<Cart, 'items' | 'deltas' | 'contents_at'> {
  const c = e.change;
  const same = { items: cart.items, deltas: cart.deltas, contents_at: cart.contents_at };
  if (c.kind === 'touch' || e.occurredAt < cart.contents_at) return same;
  // A cart written before carts kept their entries starts from its contents as they are.
  let entries: CartEntry[] = cart.deltas.length === 0 && cart.items.length > 0 ? [{ at: cart.contents_at, kind: 'snapshot', items: cart.items }] : cart.deltas;
  let contentsAt = cart.contents_at;
  if (c.kind === 'snapshot') {
    entries = [{ at: e.occurredAt, kind: 'snapshot', items: replaceItems(c.products, cart.currency) }, ...entries.filter((x) => x.kind !== 'snapshot' && x.at >= e.occurredAt)];
    contentsAt = e.occurredAt;
  } else if (c.kind === 'add') {
    entries = [...entries, { at: e.occurredAt, kind: 'add', item: toItem(c.product, cart.currency) }];
  } else {
    entries = [...entries, { at: e.occurredAt, kind: 'remove', key: itemKey(c.product), ...(c.product.quantity === undefined ? {} : { quantity: c.product.quantity }) }];
  }
  if (entries.length > MAX_ENTRIES) {
    const ordered = [...entries].sort(byTime);
    const folded = ordered.slice(0, MAX_ENTRIES / 2);
    contentsAt = folded[folded.length - 1]!.at;
    entries = [{ at: contentsAt, kind: 'snapshot', items: replay(folded) }, ...ordered.slice(MAX_ENTRIES / 2)];
  }
  return { items: replay(entries), deltas: entries, contents_at: contentsAt };
}

/**
 * The cart after the event: `found` is its current state (undefined: there is none yet). Pure, so
 * the applier can apply a run of cart events to a cart it holds in memory and write it once.
 */
export function nextCart(found: Cart | undefined, e: CartEvent, externalId: string, now: number): Cart {
  let cart = found ?? emptyCart(e, externalId, now);
  if (cart.status === 'purchased' || cart.status === 'recovered') {
    // Events from before the purchase change nothing; a new add after it starts a new episode.
    if (e.occurredAt <= (cart.purchased_at ?? 0) || e.change.kind === 'touch' || e.change.kind === 'remove') return cart;
    cart = { ...emptyCart(e, externalId, now), id: cart.id, created_at: cart.created_at, contact_id: cart.contact_id ?? e.contactId };
  }

  const { items, deltas, contents_at } = nextContents(cart, e);
  const t = totals(items);
  if (!Number.isSafeInteger(t.value)) throw new AppError('invalid_event', 'the cart value would be larger than can be kept exactly; nothing was stored');
  const lastActivity = Math.max(cart.last_activity_at, e.occurredAt);
  cart = {
    ...cart,
    items,
    item_count: t.itemCount,
    value: t.value,
    contact_id: cart.contact_id ?? e.contactId,
    anonymous_id: cart.anonymous_id ?? e.anonymousId,
    deltas,
    contents_at,
    // Like the contents, the newest news wins; an older delivery only fills a link that is missing.
    restore_url: e.restoreUrl && (e.occurredAt >= cart.contents_at || !cart.restore_url) ? e.restoreUrl : cart.restore_url,
    last_activity_at: lastActivity,
    updated_at: now,
  };
  // A cart that went quiet without anyone to reach is watched again when there is news.
  if (cart.status === 'abandoned' && cart.enrolled_at === null) cart.status = 'active';
  if (cart.status === 'active') {
    cart.abandon_due_at = cart.item_count > 0 ? lastActivity + parseDuration(e.settings.abandonAfter) : null;
    if (cart.item_count === 0) cart.started_at = e.occurredAt;
  }
  return cart;
}

/** Returns the cart after the event, or null when the event names no cart. */
export async function applyCartEvent(tx: Tx, e: CartEvent, now: number): Promise<Cart | null> {
  const externalId = cartExternalId(e);
  if (!externalId) return null;
  const found = await findCartByExternalId(tx, e.storeId, externalId);
  const cart = nextCart(found, e, externalId, now);
  if (cart === found) return cart; // nothing changed (an event from before the purchase)
  if (found) await saveCart(tx, cart);
  else await insertCart(tx, cart);
  return cart;
}

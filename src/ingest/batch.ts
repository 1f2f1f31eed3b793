/**
 * One apply transaction over a store's pending events, in order. Most events are a visitor's cart
 * activity (Product Added, Cart Viewed, … with only an anonymous id). For each run of those, the
 * run's carts and visitors are read in two statements, each cart is changed in memory event by
 * event (nextCart: the same rules as one at a time), new carts are written in one statement and
 * changed ones once each, and events get their contact ids in one statement per contact. Any other
 * event (an identify, an email, a user id, an order) first writes what is held, then goes the
 * general way (applyOne), so it sees exactly the state the events before it made.
 */
import { cartExternalId, nextCart, type CartEvent } from '../carts/apply.ts';
import type { Capabilities } from '../store/db.ts';
import { cartsByExternalIds, writeCarts, type Cart } from '../store/queries/carts.ts';
import { visitorContacts, type Tx } from '../store/queries/contacts.ts';
import type { Store } from '../store/queries/stores.ts';
import { applyOne, cartChange, eventCartId, eventCurrency } from './apply.ts';
import type { NormalizedEvent } from './segment.ts';

/** A cart held for the run: its latest state (none: not in the database, and no event made it yet). */
interface Held { cart: Cart | undefined; dirty: boolean }
export interface Pending { id: string; event: NormalizedEvent }

export class BatchApply {
  private readonly carts = new Map<string, Held>();
  private readonly visitors = new Map<string, string | null>(); // anonymous id → contact (or none yet)
  private readonly eventsOf = new Map<string, string[]>(); // contact → event row ids to stamp

  constructor(private readonly tx: Tx, private readonly store: Store, private readonly now: number, private readonly caps: Capabilities) {}

  async applyAll(events: Pending[]): Promise<void> {
    for (let i = 0; i < events.length; ) {
      if (!isVisitorCartEvent(events[i]!.event)) {
        await applyOne(this.tx, this.store, events[i]!.id, events[i]!.event, this.now, this.caps);
        i++;
        continue;
      }
      let end = i;
      while (end < events.length && isVisitorCartEvent(events[end]!.event)) end++;
      const run = events.slice(i, end);
      await this.load(run);
      for (const x of run) this.visitorCartEvent(x.id, x.event);
      await this.flush();
      i = end;
    }
  }

  /** Reads the run's carts (locked, on PostgreSQL) and visitors in two statements. */
  private async load(run: Pending[]): Promise<void> {
    const keys = [...new Set(run.map((x) => cartExternalId(this.cartEvent(x.event, null))!))];
    for (const c of await cartsByExternalIds(this.tx, this.store.id, keys, { lock: this.caps.skipLocked })) this.carts.set(c.external_id, { cart: c, dirty: false });
    for (const k of keys) if (!this.carts.has(k)) this.carts.set(k, { cart: undefined, dirty: false });
    const anon = [...new Set(run.map((x) => x.event.anonymousId!))];
    const known = await visitorContacts(this.tx, this.store.id, anon);
    for (const a of anon) this.visitors.set(a, known.get(a) ?? null);
  }

  private visitorCartEvent(id: string, e: NormalizedEvent): void {
    const contactId = this.visitors.get(e.anonymousId!) ?? null;
    if (contactId) this.eventsOf.set(contactId, [...(this.eventsOf.get(contactId) ?? []), id]);
    const ce = this.cartEvent(e, contactId);
    const key = cartExternalId(ce)!;
    const held = this.carts.get(key)!;
    const next = nextCart(held.cart, ce, key, this.now);
    if (next !== held.cart) {
      held.cart = next;
      held.dirty = true;
    }
  }

  private cartEvent(e: NormalizedEvent, contactId: string | null): CartEvent {
    return { storeId: this.store.id, settings: this.store.settings, externalId: eventCartId(e), anonymousId: e.anonymousId, userId: null, contactId, currency: eventCurrency(e, this.store), occurredAt: e.occurredAt, change: cartChange(e)!, restoreUrl: e.restoreUrl };
  }

  /** Writes what is held; after it the database is as if every event so far had gone the general way. */
  private async flush(): Promise<void> {
    await writeCarts(this.tx, [...this.carts.values()].filter((h) => h.dirty && h.cart).map((h) => h.cart!));
    for (const [contactId, ids] of this.eventsOf) {
      for (let i = 0; i < ids.length; i += 500) await this.tx.updateTable('events').set({ contact_id: contactId }).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
    this.carts.clear();
    this.visitors.clear();
    this.eventsOf.clear();
  }
}

/** A cart event of a visitor known only by an anonymous id: nothing about them changes but the cart. */
function isVisitorCartEvent(e: NormalizedEvent): boolean {
  return e.type === 'track' && e.anonymousId !== null && e.userId === null && !(e.traits.email ?? e.properties.email) && cartChange(e) !== null;
}

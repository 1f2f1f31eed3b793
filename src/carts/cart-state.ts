/**
 * What a cart holds, and how events change it. Pure functions: no I/O, no clock.
 *
 * Out-of-order rule: the contents are the events replayed in business-time order, whatever order
 * they arrived in (`replay`). A cart keeps its last snapshot (Checkout Started, Cart Viewed with
 * products[]) and the deltas (Product Added/Removed) after it; a delta older than that snapshot is
 * already part of it and is ignored, and a snapshot older than it changes nothing. Deltas are not
 * commutative (a remove never goes below zero), which is why their times are kept.
 */
import type { Product } from '../contracts/segment.ts';
import { toMinor } from '../kernel/money.ts';

export interface CartItem {
  key: string;
  productId: string | null;
  sku: string | null;
  name: string;
  price: number; // minor units
  quantity: number;
  imageUrl: string | null;
  url: string | null;
  category: string | null;
  variant: string | null;
}

export interface Totals { itemCount: number; value: number }

function str(v: unknown): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

/** The line identity: the same product and variant add up on one line. */
export function itemKey(p: Product): string {
  return str(p.sku) ?? str(p.product_id) ?? str(p.name) ?? 'item';
}

export function toItem(p: Product, currency: string): CartItem {
  return {
    key: itemKey(p),
    productId: str(p.product_id),
    sku: str(p.sku),
    name: str(p.name) ?? str(p.sku) ?? str(p.product_id) ?? 'Item',
    price: toMinor(Number(p.price ?? 0), currency),
    quantity: p.quantity ?? 1,
    imageUrl: str(p.image_url),
    url: str(p.url),
    category: str(p.category),
    variant: str(p.variant),
  };
}

/** Product Added: adds quantity to the line (default 1); newer product details win. A line of 0 is no line ("quantity": 0 adds nothing). */
export function addItem(items: CartItem[], p: Product, currency: string): CartItem[] {
  return addLine(items, toItem(p, currency));
}

function addLine(items: CartItem[], add: CartItem): CartItem[] {
  const existing = items.find((i) => i.key === add.key);
  if (!existing) return add.quantity > 0 ? [...items, add] : items;
  return items.map((i) => (i.key === add.key ? { ...i, ...add, quantity: i.quantity + add.quantity } : i));
}

/** Product Removed: removes quantity (default: the whole line); a line never goes below zero. */
export function removeItem(items: CartItem[], p: Product): CartItem[] {
  return removeLine(items, itemKey(p), p.quantity);
}

function removeLine(items: CartItem[], key: string, quantity: number | undefined): CartItem[] {
  return items
    .map((i) => (i.key === key ? { ...i, quantity: quantity === undefined ? 0 : Math.max(0, i.quantity - quantity) } : i))
    .filter((i) => i.quantity > 0);
}

/**
 * What a cart keeps to put late news in its place: its last snapshot and the deltas after it, each
 * with its business time (`at`), in arrival order. The contents are these replayed in time order.
 */
export type CartEntry =
  | { at: number; kind: 'snapshot'; items: CartItem[] }
  | { at: number; kind: 'add'; item: CartItem }
  | { at: number; kind: 'remove'; key: string; quantity?: number };

/**
 * The contents the entries make, replayed by business time; at the same instant a snapshot comes
 * first (a delta stamped with the snapshot's own time is news after it), then arrival order.
 */
export function replay(entries: CartEntry[]): CartItem[] {
  const ordered = entries.map((e, seq) => ({ e, seq })).sort((a, b) => a.e.at - b.e.at || (a.e.kind === 'snapshot' ? 0 : 1) - (b.e.kind === 'snapshot' ? 0 : 1) || a.seq - b.seq);
  let items: CartItem[] = [];
  for (const { e } of ordered) {
    if (e.kind === 'snapshot') items = e.items;
    else if (e.kind === 'add') items = addLine(items, e.item);
    else items = removeLine(items, e.key, e.quantity);
  }
  return items;
}

/** A snapshot: products[] is the whole cart. */
export function replaceItems(products: Product[], currency: string): CartItem[] {
  return products.reduce<CartItem[]>((acc, p) => addItem(acc, p, currency), []).filter((i) => i.quantity > 0);
}

export function totals(items: CartItem[]): Totals {
  return items.reduce((t, i) => ({ itemCount: t.itemCount + i.quantity, value: t.value + i.price * i.quantity }), { itemCount: 0, value: 0 });
}

/** Storefront restore parameter: sku-or-id:quantity pairs, comma separated. */
export function itemsParam(items: CartItem[]): string {
  return items.map((i) => `${i.sku ?? i.productId ?? i.key}:${i.quantity}`).join(',');
}

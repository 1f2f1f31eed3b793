/**
 * What a cart holds, and how events change it. Pure functions: no I/O, no clock.
 *
 * Out-of-order rule: a full snapshot (Checkout Started, Cart Viewed with products[]) replaces the
 * contents only when it is newer than the last snapshot; a delta (Product Added/Removed) older than
 * the last snapshot is already part of it and is ignored. Deltas are commutative otherwise.
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
  const add = toItem(p, currency);
  const existing = items.find((i) => i.key === add.key);
  if (!existing) return add.quantity > 0 ? [...items, add] : items;
  return items.map((i) => (i.key === add.key ? { ...i, ...add, quantity: i.quantity + add.quantity } : i));
}

/** Product Removed: removes quantity (default: the whole line); a line never goes below zero. */
export function removeItem(items: CartItem[], p: Product): CartItem[] {
  const key = itemKey(p);
  return items
    .map((i) => (i.key === key ? { ...i, quantity: p.quantity === undefined ? 0 : Math.max(0, i.quantity - p.quantity) } : i))
    .filter((i) => i.quantity > 0);
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

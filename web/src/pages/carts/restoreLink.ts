/**
 * Where a link back to this cart leads, by the same rule the server's /r route uses
 * (src/http/routes/links.ts): the platform's own link (Shopify's abandoned checkout URL) first,
 * then the store's restore URL, then the built-in demo store. A store URL that needs {token} can
 * only be filled by a message's signed link, so there is none to show here (null).
 */
import type { Cart } from '../../api/people.ts';

const itemsParam = (c: Cart) => c.items.map((i) => `${i.sku ?? i.productId ?? i.key}:${i.quantity}`).join(',');

export function restoreLink(cart: Cart, storeRestoreUrl: string): string | null {
  if (cart.restore_url) return cart.restore_url;
  const template = storeRestoreUrl || `${window.location.origin}/demo/cart?items={items}&discount={discount}&cart={cart_id}`;
  if (template.includes('{token}')) return null;
  const fill: Record<string, string> = { items: itemsParam(cart), cart_id: cart.external_id, discount: '' };
  return template.replace(/\{(items|cart_id|discount)\}/g, (_m, k: string) => encodeURIComponent(fill[k] ?? ''));
}

/**
 * The events the load generator sends: Segment `Product Added` tracks, as analytics.js would send
 * them, spread over a handful of carts (each with its own anonymous id) and a small catalog. Every
 * event gets a unique messageId. Bodies are built from precomputed string pieces, so the load
 * generator spends its CPU on sockets, not on JSON.stringify.
 */
import { randomBytes } from 'node:crypto';

const CATALOG = [
  { id: 'p-1001', name: 'Merino Wool Beanie', price: 24.5, category: 'Accessories', variant: 'Charcoal' },
  { id: 'p-1002', name: 'Trail Running Shoe', price: 129, category: 'Footwear', variant: 'EU 42' },
  { id: 'p-1003', name: 'Insulated Water Bottle 750 ml', price: 32, category: 'Outdoor', variant: 'Sage' },
  { id: 'p-1004', name: 'Organic Cotton T-Shirt', price: 19.99, category: 'Apparel', variant: 'M / Navy' },
  { id: 'p-1005', name: 'Packable Rain Jacket', price: 89.9, category: 'Apparel', variant: 'L / Yellow' },
  { id: 'p-1006', name: 'Ceramic Pour-Over Set', price: 45, category: 'Kitchen', variant: 'White' },
  { id: 'p-1007', name: 'Leather Card Wallet', price: 39, category: 'Accessories', variant: 'Tan' },
  { id: 'p-1008', name: 'Wireless Earbuds', price: 79, category: 'Electronics', variant: 'Black' },
];

export interface Workload {
  /** one event, as the body of POST /v1/track */
  track(): string;
  /** n events, as the body of POST /v1/batch */
  batch(n: number): string;
}

export function workload(carts = 16): Workload {
  const run = randomBytes(4).toString('hex');
  // Each template is [before messageId, between messageId and timestamp, after timestamp].
  const templates: Array<[string, string, string]> = [];
  for (let c = 0; c < carts; c++) {
    for (const p of CATALOG) {
      const anon = `anon-${run}-${c}`;
      const properties = {
        cart_id: `cart-${run}-${c}`, product_id: p.id, sku: p.id.toUpperCase(), name: p.name, price: p.price, quantity: 1 + (c % 3),
        currency: 'USD', category: p.category, variant: p.variant, url: `https://shop.example.com/products/${p.id}`,
        image_url: `https://cdn.example.com/products/${p.id}.jpg`, position: 1 + (c % 8),
      };
      const context = {
        library: { name: 'analytics.js', version: '5.2.1' }, locale: 'en-US', timezone: 'Europe/Berlin', ip: `203.0.113.${10 + c}`,
        userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
        page: { path: `/products/${p.id}`, url: `https://shop.example.com/products/${p.id}`, title: p.name, referrer: 'https://www.google.com/' },
      };
      const rest = JSON.stringify({ anonymousId: anon, properties, context }).slice(1);
      templates.push(['{"type":"track","event":"Product Added","messageId":"', '","timestamp":"', `",${rest}`]);
    }
  }
  let seq = 0;
  let stamp = '';
  let stampAt = 0;
  const now = () => {
    const t = Date.now();
    if (t - stampAt >= 50) {
      stamp = new Date(t).toISOString();
      stampAt = t;
    }
    return stamp;
  };
  const one = () => {
    const t = templates[Math.floor(Math.random() * templates.length)]!;
    return `${t[0]}${run}-${++seq}${t[1]}${now()}${t[2]}`;
  };
  return {
    track: one,
    batch(n) {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(one());
      return `{"batch":[${parts.join(',')}],"sentAt":"${now()}"}`;
    },
  };
}

/**
 * A realistic context for previews (template editor, `cartback` CLI) and tests: a store with
 * support contacts and an address, a named shopper, three items and a percent discount.
 */
import { pickLocale, type Locale } from './built-in.ts';
import type { EmailContext } from './render.ts';

interface Sample {
  currency: string;
  store: { name: string; postal_address: string };
  first_name: string;
  last_name: string;
  items: Array<[name: string, quantity: number, price: number, image: string]>;
  expires_at: string;
}

// Each locale's sample is written in its own script, so the zh-TW preview is fully Traditional.
const SAMPLES: Record<Locale, Sample> = {
  en: {
    currency: 'USD',
    store: { name: 'Northwind Goods', postal_address: '88 Market Street, Suite 400\nSan Francisco, CA 94103' },
    first_name: 'Alex',
    last_name: 'Morgan',
    items: [
      ['Merino Crew Sweater', 1, 8900, 'sweater'],
      ['Organic Cotton Tee', 2, 2450, 'tee'],
      ['Waxed Canvas Tote', 1, 5800, 'tote'],
    ],
    expires_at: 'March 14 at 11:59 PM',
  },
  'zh-CN': {
    currency: 'CNY',
    store: { name: '北风良品', postal_address: '上海市静安区南京西路 1266 号 18 楼' },
    first_name: '小雨',
    last_name: '林',
    items: [
      ['美利奴羊毛圆领毛衣', 1, 59900, 'sweater'],
      ['有机棉短袖 T 恤', 2, 12900, 'tee'],
      ['复古帆布托特包', 1, 29900, 'tote'],
    ],
    expires_at: '3月14日 23:59',
  },
  'zh-TW': {
    currency: 'TWD',
    store: { name: '北風良品', postal_address: '台北市信義區松仁路 100 號 12 樓' },
    first_name: '怡君',
    last_name: '陳',
    items: [
      ['美麗諾羊毛圓領毛衣', 1, 268000, 'sweater'],
      ['有機棉短袖 T 恤', 2, 59000, 'tee'],
      ['復古帆布托特包', 1, 139000, 'tote'],
    ],
    expires_at: '3月14日 晚上11:59',
  },
};

export function sampleContext(locale: string): EmailContext {
  const picked = pickLocale(locale, 'en');
  const s = SAMPLES[picked];
  const items = s.items.map(([name, quantity, price, image], i) => ({
    name,
    quantity,
    price,
    line_total: quantity * price,
    image_url: `https://images.example/products/${image}.jpg`,
    url: `https://shop.example/products/${image}`,
    sku: `NW-${1001 + i}`,
  }));
  return {
    locale: picked,
    store: {
      name: s.store.name,
      domain: 'shop.example',
      support_email: 'help@shop.example',
      support_url: 'https://shop.example/help',
      postal_address: s.store.postal_address,
    },
    contact: { first_name: s.first_name, last_name: s.last_name, email: 'shopper@mail.example' },
    cart: {
      currency: s.currency,
      item_count: items.reduce((n, item) => n + item.quantity, 0),
      total: items.reduce((sum, item) => sum + item.line_total, 0),
      items,
    },
    discount: { code: 'THANKS-7KQ2X', kind: 'percent', value: 10, expires_at: s.expires_at },
    links: {
      restore: 'https://shop.example/r/c8f3a1?token=sample&utm_source=cartback',
      unsubscribe: 'https://shop.example/u/c8f3a1?token=sample',
      open: 'https://shop.example/o/c8f3a1.gif',
    },
  };
}

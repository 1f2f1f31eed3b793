/** The demo store's products: a small camera-gear shop, like the case study in MISSION.md. */
export interface DemoProduct { sku: string; name: string; price: number; image: string; category: string }

const svg = (label: string, color: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180"><rect width="240" height="180" fill="${color}"/><text x="120" y="98" font-family="sans-serif" font-size="20" fill="#fff" text-anchor="middle">${label}</text></svg>`)}`;

export const DEMO_PRODUCTS: DemoProduct[] = [
  { sku: 'CAM-X100', name: 'X100 Mirrorless Camera', price: 899, image: svg('X100', '#334e68'), category: 'Cameras' },
  { sku: 'LENS-35', name: '35mm f/1.8 Prime Lens', price: 349, image: svg('35mm', '#486581'), category: 'Lenses' },
  { sku: 'LENS-70200', name: '70-200mm f/4 Zoom Lens', price: 1199, image: svg('70-200', '#627d98'), category: 'Lenses' },
  { sku: 'TRIPOD-C', name: 'Carbon Travel Tripod', price: 219, image: svg('Tripod', '#829ab1'), category: 'Accessories' },
  { sku: 'SD-128', name: '128 GB SD Card (V60)', price: 39.5, image: svg('SD 128', '#9fb3c8'), category: 'Accessories' },
  { sku: 'BAG-SLING', name: 'Weatherproof Sling Bag', price: 129, image: svg('Sling', '#243b53'), category: 'Bags' },
];

export const DEMO_STORE_NAME = 'Demo Camera Shop';

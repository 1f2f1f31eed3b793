/** A store in a running Cartback, created as an operator would (admin API, ready-made flows); returns its write key. */
import { BENCH_ADMIN_TOKEN } from '../servers/protocol.ts';

export async function createStore(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/stores`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Outdoor Co.', settings: { currency: 'USD', domain: 'shop.example.com', postalAddress: '1 Bench Street, Springfield' } }),
  });
  if (res.status !== 201) throw new Error(`POST /api/stores answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { writeKey: string }).writeKey;
}

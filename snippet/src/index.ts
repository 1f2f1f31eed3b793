/**
 * Cartback's browser snippet. Install:
 *   <script>window.cartback=window.cartback||function(){(cartback.q=cartback.q||[]).push(arguments)}</script>
 *   <script async src="{base}/snippet.js" data-key="{publicKey}"></script>
 * then cartback('track', 'Product Added', {...}), cartback('identify', {...}), cartback('page'),
 * cartback('onRestore', fn). Calls made before the script loads are replayed in order.
 * 'Product Viewed' is held and sent with its dwell time when the page is hidden or left.
 * No dependencies; every error is swallowed (and counted) so the page never breaks.
 */
import { watchEmailFields, type CaptureConfig } from './capture.ts';
import { holdProductView } from './dwell.ts';
import { anonymousId } from './identity.ts';
import { checkReturn, type ReturnConfig } from './reminder.ts';
import { enqueue, flush, flushOnExit } from './transport.ts';

type Call = [string, ...unknown[]];
type RestoreHandler = (cart: { items: Array<{ sku: string; quantity: number }>; discount: string | null; cartId: string | null }) => void;
interface Api {
  (...args: Call): void;
  q?: IArguments[] | Call[];
  errors?: number;
  loaded?: boolean;
}

const w = window as unknown as { cartback?: Api };
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-key][src*="snippet.js"]');
const key = script?.getAttribute('data-key') ?? '';
const base = script ? new URL(script.src, location.href).origin : location.origin;
const restoreHandlers: RestoreHandler[] = [];
let restored: Parameters<RestoreHandler>[0] | null = null;

function message(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    messageId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`,
    anonymousId: anonymousId(),
    timestamp: new Date().toISOString(),
    context: { page: { url: location.href, referrer: document.referrer, title: document.title }, userAgent: navigator.userAgent, library: { name: 'cartback-snippet' } },
    ...extra,
  };
}

const commands: Record<string, (...args: unknown[]) => void> = {
  track: (event, properties) => {
    const send = (p: unknown) => enqueue(base, key, { path: '/v1/p/track', body: message({ event, properties: p ?? {} }) });
    if (event === 'Product Viewed') holdProductView((properties ?? {}) as Record<string, unknown>, send, () => flushOnExit(base, key));
    else send(properties);
  },
  identify: (traits) => enqueue(base, key, { path: '/v1/p/identify', body: message({ traits: traits ?? {} }) }),
  page: (properties) => enqueue(base, key, { path: '/v1/p/track', body: message({ event: 'Page Viewed', properties: properties ?? {} }) }),
  onRestore: (fn) => {
    restoreHandlers.push(fn as RestoreHandler);
    if (restored) (fn as RestoreHandler)(restored);
  },
};

const api: Api = (...args: Call) => {
  try {
    const [name, ...rest] = args;
    commands[name]?.(...rest);
  } catch {
    api.errors = (api.errors ?? 0) + 1;
  }
};

/** A page opened from a restore link carries cb_restore=<token>: fetch the cart and hand it over. */
async function restoreFromLink(): Promise<void> {
  const token = new URLSearchParams(location.search).get('cb_restore');
  if (!token) return;
  const r = await fetch(`${base}/v1/p/restore/${encodeURIComponent(token)}?key=${encodeURIComponent(key)}`, { mode: 'cors', credentials: 'omit' });
  if (!r.ok) return;
  restored = (await r.json()) as Parameters<RestoreHandler>[0];
  for (const fn of restoreHandlers) fn(restored);
}

const queued = (w.cartback?.q ?? []) as ArrayLike<unknown>[];
w.cartback = api;
api.loaded = true;
for (const call of queued) api(...(Array.from(call) as Call));
addEventListener('online', () => void flush(base, key));
addEventListener('pagehide', () => flushOnExit(base, key));
void flush(base, key).catch(() => undefined);
const failed = () => {
  api.errors = (api.errors ?? 0) + 1;
};
void restoreFromLink().catch(failed);
const config = fetch(`${base}/v1/p/config?key=${encodeURIComponent(key)}`, { mode: 'cors', credentials: 'omit' })
  .then((r) => (r.ok ? (r.json() as Promise<CaptureConfig & ReturnConfig>) : null))
  .catch(() => {
    failed();
    return null;
  });
watchEmailFields(config, (traits) => api('identify', traits));
const postReturn = async (): Promise<{ reminder: { itemCount: number } | null } | null> => {
  const r = await fetch(`${base}/v1/p/return?key=${encodeURIComponent(key)}`, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ anonymousId: anonymousId() }) });
  return r.ok ? ((await r.json()) as { reminder: { itemCount: number } | null }) : null;
};
void config.then((c) => c && checkReturn(c, postReturn)).catch(failed);

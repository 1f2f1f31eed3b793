/**
 * Delivery that never blocks or breaks the page: each call is appended to a small queue (in
 * localStorage, or memory when storage is blocked) and flushed with fetch keepalive. What could not
 * be sent stays for the next flush (next call, `online`, next page); on page hide what is left goes
 * out as beacons. Bodies are text/plain JSON: the only type a beacon can send cross-origin without a
 * preflight; Cartback's ingest reads it as JSON.
 */
const QUEUE_KEY = 'cb_q';
const MAX_QUEUED = 50;

export interface Outgoing { path: string; body: Record<string, unknown> }

let memory: Outgoing[] = [];

function read(): Outgoing[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_KEY) || '[]') as Outgoing[];
  } catch {
    return memory;
  }
}

function write(q: Outgoing[]): void {
  memory = q.slice(-MAX_QUEUED);
  try {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(memory));
  } catch {
    /* blocked or full: memory keeps it */
  }
}

const urlOf = (base: string, key: string, o: Outgoing) => `${base}${o.path}?key=${encodeURIComponent(key)}`;

async function deliver(base: string, key: string, o: Outgoing): Promise<boolean> {
  try {
    const r = await fetch(urlOf(base, key, o), { method: 'POST', body: JSON.stringify(o.body), keepalive: true, mode: 'cors', credentials: 'omit', headers: { 'content-type': 'text/plain' } });
    return r.ok || (r.status >= 400 && r.status < 500 && r.status !== 429); // a 4xx does not improve by retrying
  } catch {
    return false;
  }
}

let flushing = false;

/** Sends the queue oldest first; stops at the first failure and keeps the rest for later. */
export async function flush(base: string, key: string): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    let q = read();
    while (q.length) {
      if (!(await deliver(base, key, q[0]!))) break;
      q = read().slice(1); // re-read: calls made meanwhile were appended
      write(q);
    }
  } finally {
    flushing = false;
  }
}

export function enqueue(base: string, key: string, o: Outgoing): void {
  write([...read(), o]);
  void flush(base, key);
}

export function flushOnExit(base: string, key: string): void {
  if (!navigator.sendBeacon) return;
  write(read().filter((o) => !navigator.sendBeacon(urlOf(base, key, o), JSON.stringify(o.body))));
}

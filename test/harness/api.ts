/** A small client for the public HTTP API, as an integrating developer would call it. */
import { ADMIN_TOKEN } from './server.ts';

export interface Reply<T = unknown> { status: number; body: T; headers: Headers }

export function client(base: string) {
  async function call<T>(method: string, path: string, body: unknown, auth: string): Promise<Reply<T>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  const admin = `Bearer ${ADMIN_TOKEN}`;
  return {
    admin: <T = any>(method: string, path: string, body?: unknown) => call<T>(method, `/api${path}`, body, admin), // eslint-disable-line @typescript-eslint/no-explicit-any
    /**
     * Segment convention: the write key as HTTP Basic user name, empty password. With
     * ?wait=applied, so a test reads what its events did at once (read-your-writes), as an
     * integration that needs it would; `ingestAsync` answers as soon as the events are stored.
     */
    ingest: <T = any>(path: string, body: unknown, writeKey: string) => call<T>('POST', `/v1${path}${path.includes('?') ? '&' : '?'}wait=applied`, body, `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`), // eslint-disable-line @typescript-eslint/no-explicit-any
    ingestAsync: <T = any>(path: string, body: unknown, writeKey: string) => call<T>('POST', `/v1${path}`, body, `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`), // eslint-disable-line @typescript-eslint/no-explicit-any
    get: (url: string) => fetch(url.startsWith('http') ? url : `${base}${url}`, { redirect: 'manual' }),
  };
}

export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

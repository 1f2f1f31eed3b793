/**
 * The simulator's HTTP client for a running Cartback: the admin API (bearer token), ingest (the
 * store's write key, as a storefront's server would send) and the links in mail, as a shopper's
 * mail client and browser would follow them. A request that failed for want of the server (network
 * error, 502/503/504) is retried a few times: ingest is idempotent by messageId, and so is
 * following a link twice for what the report counts.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string | null, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

const RETRYABLE = new Set([502, 503, 504]);
const USER_AGENT = 'Cartback simulate';

export class CartbackClient {
  /** requests made, by kind, for the progress line and the report */
  readonly counts = { admin: 0, ingest: 0, links: 0, retries: 0 };

  constructor(readonly base: string, private readonly token: string) {}

  private async send(url: string, init: RequestInit, attempts = 5): Promise<Response> {
    for (let i = 1; ; i++) {
      try {
        const res = await fetch(url, { ...init, redirect: 'manual' });
        if (!RETRYABLE.has(res.status) || i >= attempts) return res;
        await res.arrayBuffer();
      } catch (err) {
        if (i >= attempts) throw err;
      }
      this.counts.retries++;
      await sleep(100 * 2 ** i);
    }
  }

  private async json<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return body as T;
    const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new HttpError(res.status, err?.code ?? null, `${what}: ${res.status} ${err?.code ?? ''} ${err?.message ?? text.slice(0, 200)}`.trim());
  }

  async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    this.counts.admin++;
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, 'user-agent': USER_AGENT };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.send(`${this.base}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return this.json<T>(res, `${method} /api${path}`);
  }

  /** POST /v1/batch; resolves once Cartback acknowledged (stored) the events, or with `applied` once it applied them. */
  async batch(writeKey: string, events: Array<Record<string, unknown>>, applied = false): Promise<{ accepted: number; duplicates: number }> {
    this.counts.ingest++;
    const res = await this.send(`${this.base}/v1/batch${applied ? '?wait=applied' : ''}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`, 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify({ batch: events }),
    });
    return this.json(res, 'POST /v1/batch');
  }

  /** Follows a link from a mail: GET (open, restore, click) or the RFC 8058 one-click POST (unsubscribe). */
  async follow(url: string, method: 'GET' | 'POST' = 'GET'): Promise<number> {
    this.counts.links++;
    const res = await this.send(url, method === 'POST'
      ? { method, headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT }, body: 'List-Unsubscribe=One-Click' }
      : { method, headers: { 'user-agent': USER_AGENT } });
    await res.arrayBuffer();
    return res.status;
  }
}

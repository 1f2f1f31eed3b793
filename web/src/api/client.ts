/**
 * The one way the admin app talks to the server. Every call is same-origin JSON with the session
 * cookie; every call that changes something carries the session's CSRF token; every error becomes
 * an ApiError with the server's stable code, so pages branch on `code`, never on message text.
 */
export interface ErrorPayload { error: { code: string; message: string; details?: unknown } }

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
/** Set from every session answer (probe, sign-in, setup); cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  body?: unknown;
  /**
   * Whether "no session" (401 unauthorized) sends the user to sign-in. Off for the session probe,
   * which answers that question itself, and for the open sign-in and setup calls.
   */
  redirectOn401?: boolean;
}

const SAFE = new Set(['GET', 'HEAD']);

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts.body);
  if (res.ok) {
    const text = await res.text(); // 204 and other empty answers have no JSON to parse
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const err = await toApiError(res);
  // Another tab signed in again and the session (and its CSRF token) changed: learn the new token
  // and try once more rather than fail a save the user has every right to make.
  if (err.code === 'csrf_failed' && (await refreshCsrfToken())) return request<T>(method, path, opts);
  if (err.status === 401 && err.code === 'unauthorized' && opts.redirectOn401 !== false) toSignIn();
  throw err;
}

function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }).catch((e: unknown) => {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'the server could not be reached');
  });
}

async function toApiError(res: Response): Promise<ApiError> {
  const payload = (await res.json().catch(() => null)) as ErrorPayload | null;
  const e = payload?.error;
  return e ? new ApiError(res.status, e.code, e.message, e.details) : new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`);
}

let refreshing: Promise<boolean> | null = null;
async function refreshCsrfToken(): Promise<boolean> {
  refreshing ??= fetch('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (r) => {
      const fresh = r.ok ? ((await r.json()) as { csrfToken: string }).csrfToken : null;
      const changed = fresh !== null && fresh !== csrfToken;
      if (fresh) csrfToken = fresh;
      return changed;
    })
    .catch(() => false)
    .finally(() => (refreshing = null));
  return refreshing;
}

/** A full page load, not a client navigation: whatever was cached for the old session goes with it. */
function toSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname === '/sign-in') return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

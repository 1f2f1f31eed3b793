/** The anonymous id: random, first-party, kept in localStorage (a cookie when storage is blocked). */
const KEY = 'cb_aid';

function random(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

function fromCookie(): string | null {
  const m = document.cookie.match(/(?:^|; )cb_aid=([^;]+)/);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function anonymousId(): string {
  let id: string | null = null;
  try {
    id = localStorage.getItem(KEY);
  } catch {
    /* blocked storage */
  }
  id = id || fromCookie();
  if (!id) id = random();
  try {
    localStorage.setItem(KEY, id);
  } catch {
    document.cookie = `cb_aid=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax`;
  }
  return id;
}

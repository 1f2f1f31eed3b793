/** Where sign-in sends people back to, kept to this app's own paths (never an open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return '/';
  return next;
}

export function signInPath(here: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(`${here.pathname}${here.search}`)}`;
}

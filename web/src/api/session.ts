/** Who is signed in: the session probe, signing in and out, and the first-user setup. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, ApiError, setCsrfToken } from './client.ts';
import { keys } from './keys.ts';
import type { Session } from './types.ts';

/** The probe: the session, or null when nobody is signed in (a 401 here is an answer, not an error). */
async function probe(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/api/session', { redirectOn401: false });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: probe, staleTime: 60_000, retry: false });
}

/**
 * The signed-in session; only for components rendered inside RequireSession. Right after a sign-out
 * the shell renders once more before the gate sends it away: it gets the session it had.
 */
export function useCurrentSession(): Session {
  const { data } = useSession();
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useCurrentSession outside RequireSession');
  return last.current;
}

function useStartSession() {
  const qc = useQueryClient();
  return (s: Session) => {
    setCsrfToken(s.csrfToken);
    // Nothing cached under a previous user may show to this one.
    qc.removeQueries();
    qc.setQueryData(keys.session, s);
  };
}

export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>('/api/session', body, { redirectOn401: false }),
    onSuccess: start,
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/session', { redirectOn401: false }),
    // Signed out locally even when the server already forgot the session (expired, removed).
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries();
      qc.setQueryData(keys.session, null);
    },
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: keys.setup, queryFn: () => api.get<{ needed: boolean }>('/api/setup', { redirectOn401: false }) });
}

export function useSetup() {
  const start = useStartSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; email: string; password: string; name: string; locale: string }) => api.post<Session>('/api/setup', body, { redirectOn401: false }),
    onSuccess: start,
    // Someone else finished setup meanwhile: the page should now say so.
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'setup_closed') void qc.invalidateQueries({ queryKey: keys.setup });
    },
  });
}

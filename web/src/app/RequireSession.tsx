/**
 * The gate in front of everything but sign-in and setup: no session, no app. Also where a signed-in
 * user's saved language takes over (once per sign-in, so a later refetch never flips it back).
 */
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { applyLocale, toLocale } from '../i18n/index.ts';
import { signInPath } from './navigation.ts';

export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user;

  // Keyed on the person, not the record: their own language switch later must not re-run this.
  const userId = user?.id;
  const savedLocale = user?.locale;
  useEffect(() => {
    const saved = toLocale(savedLocale);
    if (userId && saved) void applyLocale(saved);
  }, [userId]);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} fullPage />;
  if (!session.data) return <Navigate to={signInPath(location)} replace />;
  return <Outlet />;
}

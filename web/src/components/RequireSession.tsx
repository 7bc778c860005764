// Screens behind sign-in: without a session, go to the sign-in page and come back here afterwards.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession.ts';

export function RequireSession({ children }: { children: ReactNode }) {
  const tokens = useSession();
  const location = useLocation();
  if (!tokens) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}

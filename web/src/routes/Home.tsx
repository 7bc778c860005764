// The start screen for the signed-in user's role: the executive dashboard for those who read reports, the items
// list for others who may read the catalogue, and their own assignments for everyone else (employees have only
// self-service).
import { Navigate } from 'react-router';
import { Loading } from '../components/States.tsx';
import { useCan, useMe } from '../hooks/useMe.ts';

export default function Home() {
  const me = useMe();
  const can = useCan();
  if (me.isPending) return <Loading />;
  const start = can('reports:read') ? '/dashboard' : can('items:read') ? '/items' : '/me/assignments';
  return <Navigate to={start} replace />;
}

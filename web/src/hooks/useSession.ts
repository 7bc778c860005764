// Re-renders when the user signs in or out (in this tab or another).
import { useSyncExternalStore } from 'react';
import { session } from '../api/session.ts';

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get);
}

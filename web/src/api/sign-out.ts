// Signing out ends the session on the server, forgets the tokens, and drops the offline copies of items.
import type { QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { session } from './session.ts';

export const offlineCacheName = 'eis-api-v1';

export async function signOut(queryClient: QueryClient): Promise<void> {
  const tokens = session.get();
  if (tokens) {
    // Best effort: the tokens are forgotten here whether or not the server can be reached.
    await api
      .POST('/api/v1/auth/logout', { body: { refresh_token: tokens.refresh_token } })
      .catch(() => undefined);
  }
  session.set(null);
  queryClient.clear();
  if ('caches' in window) await caches.delete(offlineCacheName);
}

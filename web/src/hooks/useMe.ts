// The signed-in user and what their role allows.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client.ts';
import { rolePermissions, type Permission } from '../api/roles.ts';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => must(api.GET('/api/v1/auth/me')),
    staleTime: 60_000,
  });
}

export function useCan(): (permission: Permission) => boolean {
  const { data: me } = useMe();
  return (permission) => (me ? rolePermissions[me.role].has(permission) : false);
}

// Named permissions. Every /api/v1 route declares one in its config; the app refuses to start otherwise.
// Which role holds which permission is data in the identity module (roles.ts).
export const permissions = [
  'account:self',
  'users:read',
  'users:write',
  'api_keys:manage',
  'locations:read',
  'locations:write',
  'categories:read',
  'categories:write',
  'suppliers:read',
  'suppliers:write',
  'items:read',
  'items:write',
  'items:read_sensitive',
  'tags:read',
  'tags:write',
  'audit:read',
  'reports:read',
  'assignments:read',
  'assignments:write',
  'assignments:self',
  'requests:create',
  'requests:decide',
  'reservations:read',
  'reservations:write',
  'transfers:read',
  'transfers:write',
  'stock:read',
  'stock:write',
  'maintenance:read',
  'maintenance:write',
  'stocktakes:read',
  'stocktakes:write',
  // One's own custom dashboards (reading their data needs reports:read).
  'dashboards:write',
] as const;

export type Permission = (typeof permissions)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission | 'public';
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Who is acting: recorded on history rows. Filled by authentication (identity issue). */
export interface Actor {
  userId: number | null;
  label: string;
}

export const anonymousActor: Actor = { userId: null, label: 'anonymous' };

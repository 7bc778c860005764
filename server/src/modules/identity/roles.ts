// Roles are named sets of permissions. One table decides; the role × route matrix test proves it.
import type { roles, userSources } from '../../db/schema.ts';
import { permissions, type Permission } from '../../platform/permissions.ts';

export type Role = (typeof roles)[number];
export type UserSource = (typeof userSources)[number];

const readCatalog: Permission[] = [
  'locations:read',
  'categories:read',
  'suppliers:read',
  'items:read',
  'tags:read',
];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  asset_manager: new Set<Permission>([
    'account:self',
    ...readCatalog,
    'locations:write',
    'categories:write',
    'suppliers:write',
    'items:write',
    'items:read_sensitive',
    'tags:write',
    'users:read',
    'reports:read',
  ]),
  technician: new Set<Permission>(['account:self', ...readCatalog, 'items:write', 'tags:write']),
  auditor: new Set<Permission>([
    'account:self',
    ...readCatalog,
    'items:read_sensitive',
    'users:read',
    'audit:read',
    'reports:read',
  ]),
  employee: new Set<Permission>(['account:self', 'items:read']),
};

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

/** Every signed-in person sees and acknowledges what is assigned to them, and may ask for equipment. */
const selfService: Permission[] = ['account:self', 'assignments:self', 'requests:create'];
const readAssignments: Permission[] = ['assignments:read', 'reservations:read'];
const handOut: Permission[] = ['assignments:write', 'reservations:write'];
/** Consumables and spare parts: counted, issued and reordered by those who hand things out. */
const keepStock: Permission[] = ['stock:read', 'stock:write'];
/** Physical audits: walked and scanned by those who look after things; auditors read the results. */
const auditOnFoot: Permission[] = ['stocktakes:read', 'stocktakes:write'];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  asset_manager: new Set<Permission>([
    ...selfService,
    ...readCatalog,
    ...readAssignments,
    ...handOut,
    'transfers:read',
    'transfers:write',
    ...keepStock,
    ...auditOnFoot,
    'maintenance:read',
    'maintenance:write',
    'requests:decide',
    'locations:write',
    'categories:write',
    'suppliers:write',
    'items:write',
    'items:read_sensitive',
    'tags:write',
    'users:read',
    'reports:read',
    'dashboards:write',
  ]),
  technician: new Set<Permission>([
    ...selfService,
    ...readCatalog,
    ...readAssignments,
    ...handOut,
    'transfers:read',
    'transfers:write',
    ...keepStock,
    ...auditOnFoot,
    'maintenance:read',
    'maintenance:write',
    'items:write',
    'tags:write',
  ]),
  auditor: new Set<Permission>([
    ...selfService,
    ...readCatalog,
    ...readAssignments,
    'transfers:read',
    'stock:read',
    'maintenance:read',
    'stocktakes:read',
    'items:read_sensitive',
    'users:read',
    'audit:read',
    'reports:read',
    'dashboards:write',
  ]),
  // Self-service only: an employee sees the items assigned to them (/me/assignments), not the catalogue.
  employee: new Set<Permission>(selfService),
};

// Which role may do what: the server's own table, so the app hides what the server would refuse anyway.
// (The server still decides; this only keeps buttons that would answer 403 out of the way.)
// The server's permission list augments Fastify's types; load them first so that type-checks here.
import type {} from 'fastify';
import { rolePermissions, type Role } from '../../../server/src/modules/identity/roles.ts';
import type { Permission } from '../../../server/src/platform/permissions.ts';

export { rolePermissions, type Permission, type Role };

export const roleNames: Record<Role, string> = {
  admin: 'Administrator',
  asset_manager: 'Asset manager',
  technician: 'Technician',
  auditor: 'Auditor',
  employee: 'Employee',
};

// What a user looks like on the wire: never the password hash or session internals.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { UserRow } from './repo.ts';
import type { Role, UserSource } from './roles.ts';

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    role: row.role as Role,
    source: row.source as UserSource,
    location_scope_id: row.location_scope_id,
    is_active: row.is_active,
    mfa_enabled: row.mfa_enabled,
    last_sign_in_at: row.last_sign_in_at ? isoTimestamp(row.last_sign_in_at) : null,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

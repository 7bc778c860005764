// API keys for integrations: created by an admin with scopes and an expiry, shown once, stored as a SHA-256,
// revocable. A key never grants more than its creator's role does now: demote or deactivate the creator and
// their keys shrink or stop with them.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import type { Principal } from '../../platform/auth/authenticate.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import * as repo from './repo.ts';
import { rolePermissions, type Role } from './roles.ts';
import type { CreateApiKey } from './schemas.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function presentApiKey(row: repo.ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Permission[],
    created_by: row.created_by,
    expires_at: row.expires_at ? isoTimestamp(row.expires_at) : null,
    revoked_at: row.revoked_at ? isoTimestamp(row.revoked_at) : null,
    created_at: isoTimestamp(row.created_at),
  };
}

export async function createApiKey(db: Db, creator: Principal, input: CreateApiKey) {
  const key = `eis_${randomBytes(32).toString('base64url')}`;
  const row = await repo.insertApiKey(db, {
    name: input.name,
    prefix: key.slice(0, 12),
    key_hash: sha256(key),
    scopes: [...new Set(input.scopes)],
    created_by: creator.userId,
    expires_at: new Date(Date.now() + input.expires_in_days * 86_400_000),
  });
  return { ...presentApiKey(row), key };
}

export async function listApiKeys(db: Db) {
  return { data: (await repo.listApiKeys(db)).map(presentApiKey) };
}

export async function revokeApiKey(db: Db, id: number): Promise<void> {
  if (!(await repo.revokeApiKey(db, id))) throw new NotFoundError('API key', id);
}

export async function loadApiKeyPrincipal(db: Db, key: string): Promise<Principal | undefined> {
  const found = await repo.findUsableApiKey(db, sha256(key));
  if (!found?.creator.is_active) return undefined;
  const creatorMay = rolePermissions[found.creator.role as Role];
  return {
    userId: found.creator.id,
    label: `api key ${found.key.name}`,
    role: found.creator.role,
    permissions: new Set((found.key.scopes as Permission[]).filter((scope) => creatorMay.has(scope))),
    locationScopeId: found.creator.location_scope_id,
    ...(found.key.expires_at && { expiresAtMs: found.key.expires_at.getTime() }),
  };
}

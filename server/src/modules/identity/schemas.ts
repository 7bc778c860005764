// Sign-in, token and user shapes.
import { z } from 'zod';
import { roles, userSources } from '../../db/schema.ts';
import { permissions } from '../../platform/permissions.ts';
import { Id, Timestamps } from '../../platform/schemas.ts';

const Email = z.email('must be an email address').max(254).toLowerCase();
const Password = z.string().min(1).max(256);

export const SignIn = z
  .object({
    email: z.string().trim().max(254).toLowerCase(),
    password: Password,
    totp: z
      .string()
      .regex(/^\d{6}$/, 'must be the 6-digit code')
      .optional(),
    recovery_code: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

export const TotpCode = z.object({ totp: z.string().regex(/^\d{6}$/, 'must be the 6-digit code') }).strict();
export const PasswordConfirmation = z.object({ password: Password }).strict();
export const RefreshBody = z.object({ refresh_token: z.string().min(1).max(200) }).strict();

export const TokenPair = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
});

export const CreateUser = z
  .object({
    email: Email,
    display_name: z.string().trim().min(1).max(200),
    password: Password,
    role: z.enum(roles).default('employee'),
    location_scope_id: Id.nullable().optional(),
  })
  .strict();
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    display_name: z.string().trim().min(1).max(200),
    password: Password,
    role: z.enum(roles),
    location_scope_id: Id.nullable(),
    is_active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateUser = z.infer<typeof UpdateUser>;

/** What a user may change about themselves. The rest is named so it can be refused with 403, not ignored. */
export const UpdateMe = z
  .object({
    display_name: z.string().trim().min(1).max(200).optional(),
    password: Password.optional(),
    current_password: Password.optional(),
    email: z.unknown().optional(),
    role: z.unknown().optional(),
    location_scope_id: z.unknown().optional(),
    is_active: z.unknown().optional(),
  })
  .strict();
export type UpdateMe = z.infer<typeof UpdateMe>;

export const User = z.object({
  id: z.number(),
  email: z.string(),
  display_name: z.string(),
  role: z.enum(roles),
  source: z.enum(userSources).describe('local: signs in with a password here; ldap: through the directory'),
  location_scope_id: z.number().nullable(),
  is_active: z.boolean(),
  mfa_enabled: z.boolean(),
  last_sign_in_at: z.string().nullable(),
  ...Timestamps,
});

/** Scopes a key may carry: any permission but minting keys or acting on its creator's own account. */
const KeyScope = z
  .enum(permissions)
  .refine((p) => p !== 'api_keys:manage' && p !== 'account:self', 'is not a scope a key can carry');

export const CreateApiKey = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(KeyScope).min(1, 'give the key at least one scope').max(permissions.length),
    expires_in_days: z.number().int().min(1).max(730),
  })
  .strict();
export type CreateApiKey = z.infer<typeof CreateApiKey>;

export const ApiKey = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(permissions)),
  created_by: z.number(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
});

export const CreatedApiKey = ApiKey.extend({ key: z.string().describe('Shown this once; keep it secret') });

export const MfaRequiredRoles = z
  .object({
    roles: z.array(z.enum(roles)).max(roles.length).describe('Roles that must use two-factor sign-in'),
  })
  .strict();

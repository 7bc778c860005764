// User accounts: the first admin, administration by admins, and the principal behind a token. Deactivating a
// user or ending their sessions bumps session_version, which every live access token is checked against.
import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db/connection.ts';
import { roles } from '../../db/schema.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/auth/authenticate.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.ts';
import { encodeCursor } from '../../platform/pagination.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { presentUser } from './presenter.ts';
import * as repo from './repo.ts';
import { rolePermissions, type Role } from './roles.ts';
import type { CreateUser, UpdateMe, UpdateUser } from './schemas.ts';

const directoryPassword = () =>
  ValidationError.field('password', 'is kept by the directory for this account; change it there');

const enrolmentOnly: ReadonlySet<Permission> = new Set(['account:self']);

export async function loadPrincipal(
  db: Db,
  userId: number,
  sessionVersion: number,
): Promise<Principal | undefined> {
  const found = await repo.findPrincipalUser(db, userId);
  if (found?.user?.session_version !== sessionVersion) return undefined;
  return principalOf(found);
}

/** What the user may do now, outside any session: for work done on their behalf, like a scheduled report. */
export async function loadStandingPrincipal(db: Db, userId: number): Promise<Principal | undefined> {
  const found = await repo.findPrincipalUser(db, userId);
  return found && principalOf(found);
}

function principalOf(found: NonNullable<Awaited<ReturnType<typeof repo.findPrincipalUser>>>) {
  const user = found.user;
  if (!user?.is_active) return undefined;
  // A role that must use MFA gets nothing but its own account until MFA is on: enough to enrol, no more.
  const mustEnrol = found.mfa_required && !user.mfa_enabled;
  return {
    userId: user.id,
    label: user.email,
    role: user.role,
    permissions: mustEnrol ? enrolmentOnly : rolePermissions[user.role as Role],
    locationScopeId: user.location_scope_id,
    ...(mustEnrol && {
      restriction: 'your role must use two-factor sign-in: enrol at POST /api/v1/auth/mfa/enrol',
    }),
  };
}

export async function getMfaRequiredRoles(db: Db) {
  return { roles: (await repo.mfaRequiredRoles(db)) as Role[] };
}

export async function setMfaRequiredRoles(db: Db, required: Role[]) {
  await repo.setMfaRequiredRoles(db, required, roles);
  return getMfaRequiredRoles(db);
}

/** On an empty database, creates the admin; returns the password when it had to be generated. */
export async function ensureFirstAdmin(
  db: Db,
  email: string,
  password: string | undefined,
): Promise<string | undefined> {
  if ((await repo.countUsers(db)) > 0) return undefined;
  const chosen = password ?? randomBytes(18).toString('base64url');
  await repo.insertUser(db, {
    email,
    display_name: 'Administrator',
    password_hash: await hashPassword(chosen),
    role: 'admin',
  });
  return password ? undefined : chosen;
}

async function newPasswordHash(password: string, email: string): Promise<string> {
  const problems = passwordProblems(password, email);
  if (problems.length) throw new ValidationError(problems);
  return hashPassword(password);
}

export async function getUser(db: Db, id: number) {
  const user = await repo.findUserById(db, id);
  if (!user) throw new NotFoundError('User', id);
  return presentUser(user);
}

export async function createUser(db: Db, input: CreateUser) {
  if (await repo.findUserByEmail(db, input.email)) {
    throw new ConflictError(`A user with email ${input.email} exists`, [
      { field: 'email', message: 'is already taken' },
    ]);
  }
  const { password, ...fields } = input;
  const user = await repo.insertUser(db, {
    ...fields,
    password_hash: await newPasswordHash(password, input.email),
  });
  return presentUser(user);
}

export async function updateUser(
  db: Db,
  actor: Principal,
  id: number,
  input: UpdateUser,
  expected: number | undefined,
) {
  if (id === actor.userId && (input.role !== undefined || input.is_active === false)) {
    throw new ForbiddenError('You cannot change your own role or deactivate yourself; ask another admin');
  }
  const { password, ...fields } = input;
  const user = await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, id);
    if (!current) throw new NotFoundError('User', id);
    assertVersion(current.version, expected);
    if (password !== undefined && current.source === 'ldap') throw directoryPassword();
    const endsSessions =
      input.is_active === false || password !== undefined || (input.role ?? current.role) !== current.role;
    const updated = await repo.updateUser(tx, id, {
      ...fields,
      ...(password !== undefined && { password_hash: await newPasswordHash(password, current.email) }),
      version: current.version + 1,
      ...(endsSessions && { session_version: current.session_version + 1 }),
    });
    if (endsSessions) await repo.revokeAllForUser(tx, id);
    if (password !== undefined) await recordSecurityEvent(tx, { action: 'auth.password_reset', userId: id });
    return updated;
  });
  return presentUser(user);
}

export async function endSessions(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, id);
    if (!current) throw new NotFoundError('User', id);
    await repo.updateUser(tx, id, { session_version: current.session_version + 1 });
    await repo.revokeAllForUser(tx, id);
    await recordSecurityEvent(tx, { action: 'auth.sessions_revoked', userId: id });
  });
}

const notSelfService = ['email', 'role', 'location_scope_id', 'is_active'] as const;

export async function updateMe(db: Db, actor: Principal, input: UpdateMe) {
  const refused = notSelfService.filter((field) => input[field] !== undefined);
  if (refused.length) {
    throw new AppError(
      403,
      'forbidden',
      'Forbidden',
      'Only an administrator can change these',
      refused.map((field) => ({ field, message: 'cannot be changed by yourself' })),
    );
  }
  const user = await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, actor.userId);
    if (!current) throw new NotFoundError('User', actor.userId);
    if (input.password !== undefined && current.source === 'ldap') throw directoryPassword();
    if (input.password !== undefined) {
      if (
        !current.password_hash ||
        !(await verifyPassword(current.password_hash, input.current_password ?? ''))
      ) {
        throw ValidationError.field('current_password', 'is wrong');
      }
    }
    if (input.password !== undefined) {
      await recordSecurityEvent(tx, { action: 'auth.password_changed', userId: actor.userId });
    }
    return repo.updateUser(tx, actor.userId, {
      ...(input.display_name !== undefined && { display_name: input.display_name }),
      ...(input.password !== undefined && {
        password_hash: await newPasswordHash(input.password, current.email),
        session_version: current.session_version + 1,
      }),
      version: current.version + 1,
    });
  });
  return presentUser(user);
}

export async function listUsers(db: Db, afterId: number | undefined, limit: number) {
  const rows = await repo.listUsers(db, afterId, limit);
  const page = rows.slice(0, limit);
  return {
    data: page.map(presentUser),
    next_cursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
  };
}

/** A person things can be handed to or reserved for: who they are and whether their account is active. */
export async function findPerson(ex: Executor, id: number) {
  const user = await repo.findUserById(ex, id);
  return (
    user && { id: user.id, email: user.email, display_name: user.display_name, is_active: user.is_active }
  );
}

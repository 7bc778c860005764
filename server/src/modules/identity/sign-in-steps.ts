// The steps every sign-in shares, whether the password is checked here or by the directory: the same lockout,
// the same answers (none says whether an account exists), the second factor, and the token pair.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Executor } from '../../db/connection.ts';
import type { AccessTokens } from '../../platform/auth/access-tokens.ts';
import { UnauthorizedError } from '../../platform/auth/authenticate.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Directory } from './directory.ts';
import { checkSecondFactor } from './mfa.ts';
import * as repo from './repo.ts';

export interface SessionSettings {
  tokens: AccessTokens;
  refreshTokenTtlDays: number;
  /** Directory sign-in, when LDAP is configured. */
  directory?: Directory | undefined;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface SignInCredentials {
  email: string;
  password: string;
  totp?: string | undefined;
  recovery_code?: string | undefined;
}

const lockAfterFailures = 5;
const lockMinutes = 15;
export const badCredentials = () => new UnauthorizedError('The email or password is wrong');

class AccountLockedError extends AppError {
  constructor() {
    super(
      423,
      'account-locked',
      'Account locked',
      'Too many failed sign-ins; try again later or ask an administrator',
    );
  }
}

class SecondFactorRequiredError extends AppError {
  constructor() {
    super(
      401,
      'mfa-required',
      'Second factor required',
      'Send the code from your authenticator app (totp) or a recovery code',
    );
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function issuePair(
  ex: Executor,
  settings: SessionSettings,
  user: repo.UserRow,
  familyId: string,
  client: ClientInfo,
): Promise<TokenPair> {
  const refresh = randomBytes(32).toString('base64url');
  await repo.insertRefreshToken(ex, {
    user_id: user.id,
    family_id: familyId,
    token_hash: sha256(refresh),
    expires_at: new Date(Date.now() + settings.refreshTokenTtlDays * 86_400_000),
    user_agent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip.slice(0, 64),
  });
  return {
    access_token: await settings.tokens.issue({ userId: user.id, sessionVersion: user.session_version }),
    refresh_token: refresh,
    token_type: 'Bearer',
    expires_in: settings.tokens.ttlSeconds,
  };
}

/** Refuses a locked account; past the second failure, each costs the caller a little more time. */
export async function holdBackAfterFailures(db: Db, user: repo.UserRow): Promise<void> {
  if (user.locked_until && user.locked_until > new Date()) {
    await recordSecurityEvent(db, {
      action: 'auth.sign_in_failed',
      userId: user.id,
      label: user.email,
      details: { reason: 'account locked' },
    });
    throw new AccountLockedError();
  }
  if (user.failed_sign_ins > 1) await sleep(Math.min(2000, 250 * 2 ** (user.failed_sign_ins - 2)));
}

export async function recordFailure(db: Db, user: repo.UserRow, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, user.id);
    const failures = (current?.failed_sign_ins ?? 0) + 1;
    const locks = failures >= lockAfterFailures;
    await repo.updateUser(tx, user.id, {
      failed_sign_ins: locks ? 0 : failures,
      locked_until: locks ? new Date(Date.now() + lockMinutes * 60_000) : null,
    });
    const event = { userId: user.id, label: user.email };
    await recordSecurityEvent(tx, { ...event, action: 'auth.sign_in_failed', details: { reason, failures } });
    if (locks) {
      await recordSecurityEvent(tx, { ...event, action: 'auth.locked', details: { minutes: lockMinutes } });
    }
  });
}

/**
 * After the password: the second factor if the account uses one, then a new session. `prepare` runs first in the
 * same transaction with the account locked (directory sign-in brings the account up to date there).
 */
export async function completeSignIn(
  db: Db,
  settings: SessionSettings,
  user: repo.UserRow,
  given: SignInCredentials,
  client: ClientInfo,
  prepare: (tx: Executor, locked: repo.UserRow) => Promise<repo.UserRow> = async (_, locked) => locked,
): Promise<TokenPair> {
  if (user.mfa_enabled && !given.totp && !given.recovery_code) throw new SecondFactorRequiredError();
  const pair = await db.transaction(async (tx) => {
    // Locked, so one code cannot be used twice by two sign-ins at once.
    const found = await repo.findUserForUpdate(tx, user.id);
    if (!found) return undefined;
    const locked = await prepare(tx, found);
    if (locked.mfa_enabled && !(await checkSecondFactor(tx, locked, given))) return undefined;
    await recordSecurityEvent(tx, {
      action: 'auth.sign_in',
      userId: user.id,
      label: user.email,
      details: {
        source: locked.source,
        second_factor: locked.mfa_enabled ? (given.totp ? 'totp' : 'recovery_code') : null,
      },
    });
    const signedIn = await repo.updateUser(tx, user.id, {
      failed_sign_ins: 0,
      locked_until: null,
      last_sign_in_at: new Date(),
    });
    return issuePair(tx, settings, signedIn, randomUUID(), client);
  });
  if (!pair) {
    await recordFailure(db, user, 'wrong second factor');
    throw new UnauthorizedError('The two-factor code is wrong or was already used');
  }
  return pair;
}

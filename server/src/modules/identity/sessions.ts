// Sign-in, token refresh with rotation, sign-out. Failed sign-ins slow down and then lock the account; no answer
// says whether an account exists. A refresh token used twice revokes its whole family (it was stolen or leaked).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Executor } from '../../db/connection.ts';
import type { AccessTokens } from '../../platform/auth/access-tokens.ts';
import { UnauthorizedError } from '../../platform/auth/authenticate.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { checkSecondFactor } from './mfa.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';

export interface SessionSettings {
  tokens: AccessTokens;
  refreshTokenTtlDays: number;
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

const lockAfterFailures = 5;
const lockMinutes = 15;
const badCredentials = () => new UnauthorizedError('The email or password is wrong');

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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function issuePair(
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

export interface SignInCredentials {
  email: string;
  password: string;
  totp?: string | undefined;
  recovery_code?: string | undefined;
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

async function recordFailure(db: Db, user: repo.UserRow, reason: string): Promise<void> {
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
    if (locks)
      await recordSecurityEvent(tx, { ...event, action: 'auth.locked', details: { minutes: lockMinutes } });
  });
}

export async function signIn(
  db: Db,
  settings: SessionSettings,
  given: SignInCredentials,
  client: ClientInfo,
): Promise<TokenPair> {
  const user = await repo.findUserByEmail(db, given.email);
  if (!user?.password_hash || !user.is_active) {
    await verifyDecoy(given.password);
    await recordSecurityEvent(db, {
      action: 'auth.sign_in_failed',
      userId: user?.id ?? null,
      label: given.email.slice(0, 200),
      details: { reason: user ? 'account inactive or without a password' : 'no such account' },
    });
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > new Date()) {
    await recordSecurityEvent(db, {
      action: 'auth.sign_in_failed',
      userId: user.id,
      label: user.email,
      details: { reason: 'account locked' },
    });
    throw new AccountLockedError();
  }
  // Each failure past the second costs the caller a little more time before the answer.
  if (user.failed_sign_ins > 1) await sleep(Math.min(2000, 250 * 2 ** (user.failed_sign_ins - 2)));

  if (!(await verifyPassword(user.password_hash, given.password))) {
    await recordFailure(db, user, 'wrong password');
    throw badCredentials();
  }
  if (user.mfa_enabled && !given.totp && !given.recovery_code) throw new SecondFactorRequiredError();
  const pair = await db.transaction(async (tx) => {
    // Locked, so one code cannot be used twice by two sign-ins at once.
    const locked = await repo.findUserForUpdate(tx, user.id);
    if (!locked) return undefined;
    if (locked.mfa_enabled && !(await checkSecondFactor(tx, locked, given))) return undefined;
    await recordSecurityEvent(tx, {
      action: 'auth.sign_in',
      userId: user.id,
      label: user.email,
      details: { second_factor: locked.mfa_enabled ? (given.totp ? 'totp' : 'recovery_code') : null },
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

export async function refresh(db: Db, settings: SessionSettings, refreshToken: string, client: ClientInfo) {
  return db
    .transaction(async (tx) => {
      const stored = await repo.findRefreshTokenForUpdate(tx, sha256(refreshToken));
      if (!stored || stored.revoked_at)
        throw new UnauthorizedError('The refresh token is not valid; sign in again');
      if (stored.used_at) {
        await repo.revokeFamily(tx, stored.family_id);
        await recordSecurityEvent(tx, {
          action: 'auth.refresh_token_reused',
          userId: stored.user_id,
          details: { sessions_ended: 'all of this sign-in' },
        });
        return { reused: true as const };
      }
      if (stored.expires_at <= new Date())
        throw new UnauthorizedError('The refresh token has expired; sign in again');
      const user = await repo.findUserById(tx, stored.user_id);
      if (!user?.is_active) throw new UnauthorizedError('The account is not active');
      await repo.markRefreshTokenUsed(tx, stored.id);
      return { reused: false as const, pair: await issuePair(tx, settings, user, stored.family_id, client) };
    })
    .then((result) => {
      // Revoking the family must commit, so the refusal comes after the transaction.
      if (result.reused)
        throw new UnauthorizedError('This refresh token was already used; every session it began is ended');
      return result.pair;
    });
}

export async function signOut(db: Db, refreshToken: string): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await repo.findRefreshTokenForUpdate(tx, sha256(refreshToken));
    if (!stored) return;
    await repo.revokeFamily(tx, stored.family_id);
    await recordSecurityEvent(tx, { action: 'auth.sign_out', userId: stored.user_id });
  });
}

// Sign-in, token refresh with rotation, sign-out. Failed sign-ins slow down and then lock the account; no answer
// says whether an account exists. A refresh token used twice revokes its whole family (it was stolen or leaked).
// Accounts from the directory (LDAP) sign in there, and are checked against it again at every refresh.
import type { Db } from '../../db/connection.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import { UnauthorizedError } from '../../platform/auth/authenticate.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recheckDirectoryAccount, signInThroughDirectory } from './directory-sign-in.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import {
  badCredentials,
  completeSignIn,
  holdBackAfterFailures,
  issuePair,
  recordFailure,
  sha256,
  type ClientInfo,
  type SessionSettings,
  type SignInCredentials,
  type TokenPair,
} from './sign-in-steps.ts';

export type { SessionSettings } from './sign-in-steps.ts';

export async function signIn(
  db: Db,
  settings: SessionSettings,
  given: SignInCredentials,
  client: ClientInfo,
): Promise<TokenPair> {
  const user = await repo.findUserByEmail(db, given.email);
  // A directory account never signs in with a local password, and a name unknown here may be the directory's.
  if (user?.source === 'ldap' || (!user && settings.directory)) {
    return signInThroughDirectory(db, settings, given, client);
  }
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
  await holdBackAfterFailures(db, user);
  if (!(await verifyPassword(user.password_hash, given.password))) {
    await recordFailure(db, user, 'wrong password');
    throw badCredentials();
  }
  return completeSignIn(db, settings, user, given, client);
}

export async function refresh(db: Db, settings: SessionSettings, refreshToken: string, client: ClientInfo) {
  // Outside the transaction: a directory look-up should not hold the token's row lock.
  await recheckDirectoryAccount(db, settings, sha256(refreshToken));
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

/** The caller's signed-in devices, newest activity first. */
export async function listSessions(db: Db, userId: number) {
  const rows = await repo.listOpenSessions(db, userId);
  return {
    data: rows.map((row) => ({
      id: row.family_id,
      started_at: row.started_at.toISOString(),
      last_active_at: row.last_active_at.toISOString(),
      ip: row.ip,
      user_agent: row.user_agent,
    })),
  };
}

/**
 * Signs one of the caller's devices out: its refresh token stops working at once; an access token it already
 * holds lasts until it expires (minutes). "Sign out everywhere" ends those too.
 */
export async function endSession(db: Db, userId: number, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repo.revokeOwnFamily(tx, userId, sessionId))) throw new NotFoundError('Session', sessionId);
    await recordSecurityEvent(tx, { action: 'auth.session_ended', userId, details: { session: sessionId } });
  });
}

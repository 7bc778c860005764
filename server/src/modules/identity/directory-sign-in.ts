// Directory sign-in: the directory checks the password and says who the person is (disabled? which groups?);
// here the account is provisioned on the first sign-in and kept in step after it: the role follows the groups,
// and a person the directory disables or drops is deactivated. A directory account has no local password.
import type { Db, Executor } from '../../db/connection.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import { UnauthorizedError } from '../../platform/auth/authenticate.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { DirectoryPerson } from './directory.ts';
import { verifyDecoy } from './passwords.ts';
import * as repo from './repo.ts';
import {
  badCredentials,
  completeSignIn,
  holdBackAfterFailures,
  recordFailure,
  type ClientInfo,
  type SessionSettings,
  type SignInCredentials,
  type TokenPair,
} from './sign-in-steps.ts';

type MappedPerson = DirectoryPerson & { email: string; role: NonNullable<DirectoryPerson['role']> };

const noRoleHere = () =>
  new ForbiddenError('Your directory account is in no group that has access here; ask an administrator');

/** Ends every session of the account now; `deactivate` also stops it signing in until an admin reactivates it. */
async function endSessions(db: Db, userId: number, deactivate: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, userId);
    if (!current) return;
    await repo.updateUser(tx, userId, {
      ...(deactivate && { is_active: false, version: current.version + 1 }),
      session_version: current.session_version + 1,
    });
    await repo.revokeAllForUser(tx, userId);
  });
}

/** Refuses like an unknown user would, taking as long; the audit log keeps the reason. */
async function refuse(
  db: Db,
  given: SignInCredentials,
  reason: string,
  account?: repo.UserRow,
): Promise<never> {
  await verifyDecoy(given.password);
  await recordSecurityEvent(db, {
    action: 'auth.sign_in_failed',
    userId: account?.id ?? null,
    label: given.email.slice(0, 200),
    details: { reason, directory: true },
  });
  throw badCredentials();
}

/** The account in step with the directory: name, entry and role (a new role ends its other sessions). */
async function bringUpToDate(tx: Executor, account: repo.UserRow, person: MappedPerson) {
  if (account.source !== 'ldap' || !account.is_active) throw badCredentials();
  const displayName = (person.displayName ?? person.email).slice(0, 200);
  const roleChanged = account.role !== person.role;
  if (!roleChanged && account.display_name === displayName && account.directory_dn === person.dn)
    return account;
  const updated = await repo.updateUser(tx, account.id, {
    display_name: displayName,
    directory_dn: person.dn,
    role: person.role,
    version: account.version + 1,
    ...(roleChanged && { session_version: account.session_version + 1 }),
  });
  if (roleChanged) await repo.revokeAllForUser(tx, account.id);
  return updated;
}

async function provision(db: Db, person: MappedPerson): Promise<repo.UserRow> {
  const created = await repo.insertUserIfAbsent(db, {
    email: person.email,
    display_name: (person.displayName ?? person.email).slice(0, 200),
    role: person.role,
    source: 'ldap',
    directory_dn: person.dn,
    password_hash: null,
  });
  // Another sign-in provisioned it a moment ago; bringUpToDate refuses if that was a local account instead.
  return created ?? (await repo.findUserByEmail(db, person.email))!;
}

export async function signInThroughDirectory(
  db: Db,
  settings: SessionSettings,
  given: SignInCredentials,
  client: ClientInfo,
): Promise<TokenPair> {
  const directory = settings.directory;
  if (!directory) return refuse(db, given, 'no directory configured');
  const person = await directory.findPerson(given.email);
  const account = await repo.findUserByEmail(db, person?.email ?? given.email);
  const fromDirectory = account?.source === 'ldap' ? account : undefined;
  if (!person || person.disabled) {
    if (fromDirectory?.is_active) await endSessions(db, fromDirectory.id, true);
    return refuse(db, given, person ? 'disabled in the directory' : 'not in the directory', fromDirectory);
  }
  // No email to name the account by, or the email belongs to an account the directory does not own.
  if (!person.email || (account && (!fromDirectory || !account.is_active))) {
    return refuse(db, given, 'no usable account for this directory entry', account);
  }
  if (fromDirectory) await holdBackAfterFailures(db, fromDirectory);

  if (!(await directory.checkPassword(person.dn, given.password))) {
    if (!fromDirectory) return refuse(db, given, 'wrong directory password');
    // Takes as long as refusing an unknown name (the bind alone is quicker than the decoy hash).
    await verifyDecoy(given.password);
    await recordFailure(db, fromDirectory, 'wrong directory password');
    throw badCredentials();
  }
  const { role, email } = person;
  if (!role) {
    if (fromDirectory) await endSessions(db, fromDirectory.id, false);
    throw noRoleHere();
  }
  const mapped = { ...person, email, role };
  const user = fromDirectory ?? (await provision(db, mapped));
  return completeSignIn(db, settings, user, given, client, (tx, locked) => bringUpToDate(tx, locked, mapped));
}

/**
 * Before a refresh of a directory account: the directory must still know and enable the person. If not, the
 * account is deactivated; if their groups changed, the role follows; either way the refresh is then refused
 * (sign in again) because the account's sessions have ended.
 */
export async function recheckDirectoryAccount(db: Db, settings: SessionSettings, tokenHash: string) {
  const user = await repo.findUserByRefreshToken(db, tokenHash);
  if (user?.source !== 'ldap' || !user.is_active) return;
  if (!settings.directory || !user.directory_dn) {
    throw new UnauthorizedError('Directory sign-in is off; ask an administrator');
  }
  const person = await settings.directory.findPersonByDn(user.directory_dn);
  if (!person || person.disabled) return endSessions(db, user.id, true);
  if (!person.role) return endSessions(db, user.id, false);
  if (person.role !== user.role) {
    const mapped = { ...person, email: user.email, role: person.role };
    await db.transaction(async (tx) => {
      const locked = await repo.findUserForUpdate(tx, user.id);
      if (locked) await bringUpToDate(tx, locked, mapped);
    });
  }
}

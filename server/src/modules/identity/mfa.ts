// TOTP multi-factor: enrol (otpauth URI + QR code), confirm with the first code to switch it on (which hands out
// ten one-time recovery codes), check a code at sign-in (each time step once), and switch it off with the password.
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db, Executor } from '../../db/connection.ts';
import { recordSecurityEvent } from '../../platform/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Directory } from './directory.ts';
import { verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';

const issuer = 'Enterprise Inventory';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function userFor(ex: Executor, userId: number): Promise<repo.UserRow> {
  const user = await repo.findUserForUpdate(ex, userId);
  if (!user) throw new NotFoundError('User', userId);
  return user;
}

/** The time step of a valid code newer than the last one used, or undefined. One step either side is allowed. */
async function validStep(secret: string, code: string, lastStep: number | null): Promise<number | undefined> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep !== null && { afterTimeStep: lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

export async function enrol(db: Db, userId: number) {
  return db.transaction(async (tx) => {
    const user = await userFor(tx, userId);
    if (user.mfa_enabled)
      throw new ConflictError('Two-factor sign-in is already on; switch it off first to re-enrol');
    const secret = generateSecret();
    await repo.updateUser(tx, userId, { mfa_secret: secret, mfa_last_step: null });
    await recordSecurityEvent(tx, { action: 'mfa.enrolment_started', userId });
    const otpauth_uri = generateURI({ issuer, label: user.email, secret });
    return { otpauth_uri, qr_code_svg: await QRCode.toString(otpauth_uri, { type: 'svg', margin: 1 }) };
  });
}

export async function confirm(db: Db, userId: number, code: string) {
  return db.transaction(async (tx) => {
    const user = await userFor(tx, userId);
    if (user.mfa_enabled) throw new ConflictError('Two-factor sign-in is already on');
    if (!user.mfa_secret) throw new ConflictError('Start with POST /auth/mfa/enrol');
    const step = await validStep(user.mfa_secret, code, null);
    if (step === undefined)
      throw ValidationError.field('totp', 'is not the current code from your authenticator app');
    const recoveryCodes = Array.from({ length: 10 }, () => randomBytes(6).toString('hex'));
    await repo.updateUser(tx, userId, {
      mfa_enabled: true,
      mfa_last_step: step,
      mfa_recovery_codes: recoveryCodes.map(sha256),
    });
    await recordSecurityEvent(tx, { action: 'mfa.enabled', userId });
    return { recovery_codes: recoveryCodes };
  });
}

/** A directory account's password is the directory's: checked there with a bind. */
async function isOwnPassword(user: repo.UserRow, password: string, directory: Directory | undefined) {
  if (user.source === 'ldap') {
    return !!directory && !!user.directory_dn && (await directory.checkPassword(user.directory_dn, password));
  }
  return !!user.password_hash && (await verifyPassword(user.password_hash, password));
}

export async function disable(
  db: Db,
  userId: number,
  password: string,
  directory: Directory | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await userFor(tx, userId);
    if (!(await isOwnPassword(user, password, directory))) {
      throw ValidationError.field('password', 'is wrong');
    }
    await repo.updateUser(tx, userId, {
      mfa_enabled: false,
      mfa_secret: null,
      mfa_last_step: null,
      mfa_recovery_codes: [],
    });
    await recordSecurityEvent(tx, { action: 'mfa.disabled', userId });
  });
}

/** At sign-in: a current TOTP code (used once) or an unused recovery code (then spent). */
export async function checkSecondFactor(
  ex: Executor,
  user: repo.UserRow,
  given: { totp?: string | undefined; recovery_code?: string | undefined },
): Promise<boolean> {
  if (given.totp && user.mfa_secret) {
    const step = await validStep(user.mfa_secret, given.totp, user.mfa_last_step);
    if (step === undefined) return false;
    await repo.updateUser(ex, user.id, { mfa_last_step: step });
    return true;
  }
  if (given.recovery_code) {
    const hash = sha256(given.recovery_code.trim().toLowerCase());
    if (!user.mfa_recovery_codes.includes(hash)) return false;
    await repo.updateUser(ex, user.id, {
      mfa_recovery_codes: user.mfa_recovery_codes.filter((h) => h !== hash),
    });
    await recordSecurityEvent(ex, {
      action: 'mfa.recovery_code_used',
      userId: user.id,
      label: user.email,
      details: { remaining: user.mfa_recovery_codes.length - 1 },
    });
    return true;
  }
  return false;
}

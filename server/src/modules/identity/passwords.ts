// Passwords: argon2id hashes and the policy a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../../platform/errors.ts';

export const hashPassword = (password: string) => hash(password);

export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

// Verifying against this when no account matches keeps the answer time the same whether the user exists or not.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hash('decoy password that matches nothing');
  await verify(await decoyHash, password);
}

/** At least 12 characters, not mostly one character, not containing the user's name from their email. */
export function passwordProblems(password: string, email: string): FieldError[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('must be at least 12 characters');
  if (password.length > 256) problems.push('must be at most 256 characters');
  if (new Set(password).size < 5) problems.push('must use at least 5 different characters');
  const name = email.split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= 3 && password.toLowerCase().includes(name))
    problems.push('must not contain your email name');
  return problems.map((message) => ({ field: 'password', message }));
}

// Users and refresh tokens: SQL only.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { apiKeys, refreshTokens, roleSettings, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await ex
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserById(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id));
  return row;
}

const principalUser = preparedFor((ex) =>
  ex
    .select({ user: users, mfa_required: sql<boolean>`coalesce(${roleSettings.mfa_required}, false)` })
    .from(users)
    .leftJoin(roleSettings, eq(roleSettings.role, users.role))
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('principal_user'),
);

/** Read on every authenticated request (active? session version? must the role use MFA?): prepared once. */
export async function findPrincipalUser(ex: Executor, id: number) {
  const [row] = await principalUser(ex).execute({ id });
  return row;
}

export async function mfaRequiredRoles(ex: Executor): Promise<string[]> {
  const rows = await ex
    .select({ role: roleSettings.role })
    .from(roleSettings)
    .where(eq(roleSettings.mfa_required, true));
  return rows.map((r) => r.role).sort();
}

/** Sets the roles that must use MFA: every other role is set to not required. */
export async function setMfaRequiredRoles(
  ex: Executor,
  required: string[],
  allRoles: readonly string[],
): Promise<void> {
  await ex
    .insert(roleSettings)
    .values(allRoles.map((role) => ({ role, mfa_required: required.includes(role) })))
    .onConflictDoUpdate({
      target: roleSettings.role,
      set: { mfa_required: sql`excluded.mfa_required`, updated_at: sql`now()` },
    });
}

export async function findUserForUpdate(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function insertUser(ex: Executor, values: NewUser): Promise<UserRow> {
  const [row] = await ex.insert(users).values(values).returning();
  return row!;
}

/** Inserts the account unless one with its email exists (a concurrent first sign-in): then undefined. */
export async function insertUserIfAbsent(ex: Executor, values: NewUser): Promise<UserRow | undefined> {
  const [row] = await ex.insert(users).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateUser(ex: Executor, id: number, values: Partial<NewUser>): Promise<UserRow> {
  const [row] = await ex
    .update(users)
    .set({ ...values, updated_at: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function countUsers(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertRefreshToken(
  ex: Executor,
  values: typeof refreshTokens.$inferInsert,
): Promise<void> {
  await ex.insert(refreshTokens).values(values);
}

export async function findRefreshTokenForUpdate(
  ex: Executor,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = await ex
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.token_hash, tokenHash))
    .for('update');
  return row;
}

/** The account a refresh token belongs to, without locking either. */
export async function findUserByRefreshToken(ex: Executor, tokenHash: string): Promise<UserRow | undefined> {
  const [row] = await ex
    .select({ user: users })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.user_id))
    .where(eq(refreshTokens.token_hash, tokenHash));
  return row?.user;
}

export async function markRefreshTokenUsed(ex: Executor, id: number): Promise<void> {
  await ex
    .update(refreshTokens)
    .set({ used_at: sql`now()` })
    .where(eq(refreshTokens.id, id));
}

export async function revokeFamily(ex: Executor, familyId: string): Promise<void> {
  await ex
    .update(refreshTokens)
    .set({ revoked_at: sql`now()` })
    .where(and(eq(refreshTokens.family_id, familyId), isNull(refreshTokens.revoked_at)));
}

export async function revokeAllForUser(ex: Executor, userId: number): Promise<void> {
  await ex
    .update(refreshTokens)
    .set({ revoked_at: sql`now()` })
    .where(and(eq(refreshTokens.user_id, userId), isNull(refreshTokens.revoked_at)));
}

export async function listUsers(
  ex: Executor,
  afterId: number | undefined,
  limit: number,
): Promise<UserRow[]> {
  return ex
    .select()
    .from(users)
    .where(afterId === undefined ? undefined : gt(users.id, afterId))
    .orderBy(asc(users.id))
    .limit(limit + 1);
}

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(ex: Executor, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await ex.insert(apiKeys).values(values).returning();
  return row!;
}

export async function listApiKeys(ex: Executor): Promise<ApiKeyRow[]> {
  return ex.select().from(apiKeys).orderBy(asc(apiKeys.id));
}

/** Revokes once; a second call finds nothing to revoke but the key still exists. */
export async function revokeApiKey(ex: Executor, id: number): Promise<boolean> {
  await ex
    .update(apiKeys)
    .set({ revoked_at: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revoked_at)));
  const [row] = await ex.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
  return row !== undefined;
}

/** The key with this hash if it is neither revoked nor expired, with the user who created it. */
export async function findUsableApiKey(ex: Executor, keyHash: string) {
  const [row] = await ex
    .select({ key: apiKeys, creator: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.created_by))
    .where(
      and(
        eq(apiKeys.key_hash, keyHash),
        isNull(apiKeys.revoked_at),
        sql`(${apiKeys.expires_at} is null or ${apiKeys.expires_at} > now())`,
      ),
    );
  return row;
}

export interface SessionRow {
  family_id: string;
  started_at: Date;
  last_active_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** A user's live sessions: refresh-token families with nothing revoked and a token not yet expired. */
export async function listOpenSessions(ex: Executor, userId: number): Promise<SessionRow[]> {
  const rows = await queryRows<{
    family_id: string;
    started_at: string | Date;
    last_active_at: string | Date;
    ip: string | null;
    user_agent: string | null;
  }>(
    ex,
    sql`select family_id, min(created_at) as started_at, max(created_at) as last_active_at,
               (array_agg(ip order by created_at desc))[1] as ip,
               (array_agg(user_agent order by created_at desc))[1] as user_agent
        from refresh_tokens
        where user_id = ${userId}
        group by family_id
        having bool_and(revoked_at is null) and max(expires_at) > now()
        order by max(created_at) desc`,
  );
  return rows.map((r) => ({
    ...r,
    started_at: new Date(r.started_at),
    last_active_at: new Date(r.last_active_at),
  }));
}

/** Ends one of the user's sessions; false when it is not theirs or already over. */
export async function revokeOwnFamily(ex: Executor, userId: number, familyId: string): Promise<boolean> {
  const revoked = await ex
    .update(refreshTokens)
    .set({ revoked_at: sql`now()` })
    .where(
      and(
        eq(refreshTokens.user_id, userId),
        eq(refreshTokens.family_id, familyId),
        isNull(refreshTokens.revoked_at),
      ),
    )
    .returning({ id: refreshTokens.id });
  return revoked.length > 0;
}

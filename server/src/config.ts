// Environment → one validated, typed Config. Read once at start-up; nothing else reads process.env.
import { FilterParser } from 'ldapts';
import { z } from 'zod';
import { roles } from './db/schema.ts';
import { parseFieldKeys, type FieldKey } from './platform/crypto/field-encryption.ts';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

type Role = (typeof roles)[number];

/** `cn=it-admins:admin;cn=techs:technician`: group (a full DN or its first RDN) → role, first match wins. */
const GroupRoles = z.string().transform((text, ctx) => {
  const mappings: { group: string; role: Role }[] = [];
  for (const pair of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf(':');
    const group = pair.slice(0, at).trim().toLowerCase();
    const role = pair.slice(at + 1).trim();
    if (at < 1 || !group || !(roles as readonly string[]).includes(role)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${pair}" is not group:role with a role of ${roles.join(', ')}`,
      });
      return z.NEVER;
    }
    mappings.push({ group, role: role as Role });
  }
  return mappings;
});

/** Balanced parentheses (a literal one is always escaped as \28 or \29), and ldapts can parse it. */
function parsesAsFilter(filter: string): boolean {
  const chars = [...filter];
  let depth = 0;
  for (const [i, c] of chars.entries()) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0 || (depth === 0 && i < chars.length - 1)) return false;
  }
  if (depth !== 0 || !filter.startsWith('(')) return false;
  try {
    FilterParser.parseString(filter);
    return true;
  } catch {
    return false;
  }
}

const LdapFilter = z.string().refine(parsesAsFilter, 'must be an LDAP filter, e.g. (uid={login})');

/** An LDAP filter template with a placeholder the value is escaped into. */
const filterWith = (placeholder: string) =>
  LdapFilter.refine((f) => f.includes(placeholder), `must contain ${placeholder}`);

const LdapEnv = {
  LDAP_URL: z.url({ protocol: /^ldaps?$/, error: 'must be an ldap:// or ldaps:// URL' }).optional(),
  LDAP_STARTTLS: boolean.default(false),
  LDAP_CA_FILE: z.string().min(1).optional(),
  LDAP_TLS_REJECT_UNAUTHORIZED: boolean.default(true),
  LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  LDAP_BIND_DN: z.string().min(1).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  LDAP_USER_BASE: z.string().min(1).optional(),
  LDAP_USER_FILTER: filterWith('{login}').default(
    '(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))',
  ),
  LDAP_EMAIL_ATTRIBUTE: z.string().min(1).default('mail'),
  LDAP_NAME_ATTRIBUTE: z.string().min(1).default('cn'),
  LDAP_GROUP_BASE: z.string().min(1).optional(),
  LDAP_GROUP_FILTER: filterWith('{dn}').default('(|(member={dn})(uniqueMember={dn}))'),
  LDAP_MEMBER_OF_ATTRIBUTE: z.string().min(1).default('memberOf'),
  LDAP_GROUP_ROLES: GroupRoles.default([]),
  LDAP_DEFAULT_ROLE: z.enum(roles).optional(),
  LDAP_DISABLED_FILTER: LdapFilter.optional(),
};

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  SEED_DEMO: boolean.default(true),
  RUN_JOBS: boolean.default(true),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return parseFieldKeys(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().max(200).default('Enterprise Inventory <inventory@localhost>'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ...LdapEnv,
});

type Env = z.infer<typeof ConfigSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** PostgreSQL when set; otherwise the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  statementTimeoutMs: number;
  seedDemo: boolean;
  /** Whether `serve` also runs the scheduled jobs (event detection, revaluation); `eis worker` always does. */
  runJobs: boolean;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Signs access tokens. Required with DATABASE_URL (replicas must share it); embedded mode keeps one in dataDir. */
  jwtSecret: string | undefined;
  /**
   * Field-level encryption keys, the first sealing new values. Required with DATABASE_URL (replicas must share
   * them); embedded mode keeps its own in dataDir.
   */
  encryptionKeys: FieldKey[] | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  adminEmail: string;
  adminPassword: string | undefined;
  /** Redis for state shared by replicas (rate-limit counters); in-process when unset. */
  redisUrl: string | undefined;
  /** Requests per minute per user or API key; 0 turns the general limit off. */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per IP address. */
  signInLimitPerMinute: number;
  /** Directory sign-in (LDAP / Active Directory); off when LDAP_URL is unset. */
  ldap: LdapConfig | undefined;
  /** Outgoing email (scheduled reports); off when SMTP_URL is unset. */
  mail: MailConfig | undefined;
}

export interface MailConfig {
  /** `smtp://user:password@host:port` or `smtps://…`; never logged. */
  url: string;
  from: string;
}

export interface LdapConfig {
  url: string;
  startTls: boolean;
  /** PEM file of the CA that signed the directory's certificate; the system CAs otherwise. */
  caFile: string | undefined;
  rejectUnauthorized: boolean;
  timeoutMs: number;
  /** The service account that searches for people and groups (never logged). */
  bindDn: string;
  bindPassword: string;
  userBase: string;
  /** `{login}` is replaced by the escaped sign-in name. */
  userFilter: string;
  emailAttribute: string;
  nameAttribute: string;
  /** Where groups are searched with groupFilter (`{dn}`: the person's escaped DN); unset: memberOf only. */
  groupBase: string | undefined;
  groupFilter: string;
  memberOfAttribute: string;
  groupRoles: { group: string; role: Role }[];
  /** The role of people in no mapped group; unset refuses them. */
  defaultRole: Role | undefined;
  /** Matches the entry of a disabled person, e.g. AD `(userAccountControl:1.2.840.113556.1.4.803:=2)`. */
  disabledFilter: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required with DATABASE_URL, so every replica signs and accepts the same tokens',
    );
  }
  if (e.DATABASE_URL && !e.ENCRYPTION_KEYS) {
    throw new ConfigError(
      'Invalid configuration:\n  ENCRYPTION_KEYS: required with DATABASE_URL (<id>:<base64 of 32 bytes>, e.g. from `npm run eis -- keys new`)',
    );
  }
  return {
    ldap: ldapConfig(e),
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    dbPoolMax: e.DB_POOL_MAX,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    seedDemo: e.SEED_DEMO,
    runJobs: e.RUN_JOBS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    corsOrigins: e.CORS_ORIGINS,
    jwtSecret: e.JWT_SECRET,
    encryptionKeys: e.ENCRYPTION_KEYS,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    redisUrl: e.REDIS_URL,
    mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    signInLimitPerMinute: e.SIGN_IN_LIMIT_PER_MINUTE,
  };
}

function ldapConfig(e: Env): LdapConfig | undefined {
  if (!e.LDAP_URL) return undefined;
  const missing = (['LDAP_BIND_DN', 'LDAP_BIND_PASSWORD', 'LDAP_USER_BASE'] as const).filter((k) => !e[k]);
  if (missing.length) {
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required with LDAP_URL`).join('\n')}`,
    );
  }
  if (!e.LDAP_GROUP_ROLES.length && !e.LDAP_DEFAULT_ROLE) {
    throw new ConfigError(
      'Invalid configuration:\n  LDAP_GROUP_ROLES: map at least one group to a role (or set LDAP_DEFAULT_ROLE), or nobody from the directory can sign in',
    );
  }
  if (e.LDAP_STARTTLS && e.LDAP_URL.startsWith('ldaps:')) {
    throw new ConfigError(
      'Invalid configuration:\n  LDAP_STARTTLS: ldaps:// is already TLS; use one or the other',
    );
  }
  return {
    url: e.LDAP_URL,
    startTls: e.LDAP_STARTTLS,
    caFile: e.LDAP_CA_FILE,
    rejectUnauthorized: e.LDAP_TLS_REJECT_UNAUTHORIZED,
    timeoutMs: e.LDAP_TIMEOUT_MS,
    bindDn: e.LDAP_BIND_DN!,
    bindPassword: e.LDAP_BIND_PASSWORD!,
    userBase: e.LDAP_USER_BASE!,
    userFilter: e.LDAP_USER_FILTER,
    emailAttribute: e.LDAP_EMAIL_ATTRIBUTE,
    nameAttribute: e.LDAP_NAME_ATTRIBUTE,
    groupBase: e.LDAP_GROUP_BASE,
    groupFilter: e.LDAP_GROUP_FILTER,
    memberOfAttribute: e.LDAP_MEMBER_OF_ATTRIBUTE,
    groupRoles: e.LDAP_GROUP_ROLES,
    defaultRole: e.LDAP_DEFAULT_ROLE,
    disabledFilter: e.LDAP_DISABLED_FILTER,
  };
}

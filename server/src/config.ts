// Environment → one validated, typed Config. Read once at start-up; nothing else reads process.env.
import { z } from 'zod';
import { parseFieldKeys, type FieldKey } from './platform/crypto/field-encryption.ts';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    dbPoolMax: e.DB_POOL_MAX,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    seedDemo: e.SEED_DEMO,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    corsOrigins: e.CORS_ORIGINS,
    jwtSecret: e.JWT_SECRET,
    encryptionKeys: e.ENCRYPTION_KEYS,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    redisUrl: e.REDIS_URL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    signInLimitPerMinute: e.SIGN_IN_LIMIT_PER_MINUTE,
  };
}

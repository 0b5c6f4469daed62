import { z } from 'zod';

/**
 * Every setting Concordia reads from the environment. Validated once at start:
 * a missing or malformed value stops the server with one line naming it.
 * The README's configuration table mirrors this schema.
 */
const boolish = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: boolish.default(true),
  DEMO_PASSWORD: z.string().min(4).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ALLOWED_ORIGINS: z.string().optional(),
  COLLAB_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  COLLAB_DEV_OPEN: boolish.default(false),
  /** Open collab sockets one person may hold at once, over every document (tabs, windows). */
  COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(16),
  /** The activity feed summarises a person's edits of one clause over this window (versions/edit-activity.ts). */
  ACTIVITY_EDIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(10).default(500),
  TRUST_PROXY: boolish.default(false),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  VERIFY_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  COLLAB_TOKEN_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Concordia <no-reply@concordia.invalid>'),
  /** Set: this process is one of several sharing DATABASE_URL, with fan-out between them through this Redis (server/src/scale/). */
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://')
    .optional(),
  /** How this node names itself in logs, /readyz and Redis (default: host name and process id). */
  NODE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64')
    .optional(),
  /** With REDIS_URL: how often each open document is compared with PostgreSQL and repaired (anti-entropy). */
  ANTI_ENTROPY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** With REDIS_URL: about how many updates each document's stream keeps (XADD MAXLEN ~); a node further behind catches up from PostgreSQL. */
  REDIS_STREAM_MAXLEN: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  /** AES-256-GCM key for secrets kept at rest (TOTP seeds, OpenID client secrets): 64 hex characters or base64 of 32 bytes (auth/secret-box.ts). */
  IDENTITY_SECRET_KEY: z
    .string()
    .refine((k) => /^[0-9a-fA-F]{64}$/.test(k.trim()) || Buffer.from(k.trim(), 'base64').length === 32, 'must be 32 bytes: 64 hex characters or base64')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming the first bad variable. Empty strings count as unset. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  // The embedded database is one connection: fine to try Concordia, not to run a negotiation on.
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL', 'required when NODE_ENV=production (the embedded database is for trying Concordia)');
  }
  // A mailed invitation needs an absolute link; the Host header of a request is not to be trusted for it.
  if (parsed.data.SMTP_URL && !parsed.data.PUBLIC_URL)
    throw new ConfigError('PUBLIC_URL', 'required when SMTP_URL is set (invitation links in mail are absolute)');
  // Several nodes need one database they all reach; the embedded one belongs to one process.
  if (parsed.data.REDIS_URL && !parsed.data.DATABASE_URL)
    throw new ConfigError('DATABASE_URL', 'required when REDIS_URL is set (several nodes share one PostgreSQL)');
  return parsed.data;
}

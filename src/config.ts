import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Every environment variable OpenAMS reads. The README's configuration table mirrors this list. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /**
   * Default: 2 × CPU cores + 2 (PostgreSQL's own sizing advice). More connections than the machine
   * can run at once only add context switches: on 2 cores, 6 served GET /me 16% faster than 20 at
   * a quarter less PostgreSQL CPU per request (docs/performance.md).
   */
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(2 * os.availableParallelism() + 2),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default('OpenAMS <no-reply@openams.local>'),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .default(12 * 60),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** A request body from which no byte arrives for this long is answered 408 (a truncated upload). */
  REQUEST_BODY_IDLE_SECONDS: z.coerce.number().positive().max(3600).default(15),
  /** The whole request (headers and body) must arrive within this (Node's requestTimeout); 0: no limit. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  FILE_STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL.' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'Must be an S3 bucket name (3–63 lowercase letters, digits, . and -).',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Texting provider (issue 13): the built-in simulator (default) or Twilio. */
  MESSAGING_PROVIDER: z.enum(['simulator', 'twilio']).default('simulator'),
  TWILIO_ACCOUNT_SID: z.string().min(1).max(64).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).max(256).optional(),
  /** Twilio's REST base URL (tests point it at a fake Twilio server). */
  TWILIO_API_BASE: z.url().optional(),
});

/** Where uploaded files and CSV imports are kept: the data directory, or an S3-compatible bucket. */
export type FileStorageConfig =
  | { kind: 'disk' }
  | {
      kind: 's3';
      /** Unset: AWS S3 itself. Set for MinIO, Ceph, R2, Backblaze B2, … */
      endpoint: string | undefined;
      region: string;
      bucket: string;
      /** Unset: the AWS SDK's default credential chain (environment, instance role, …). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    };

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  smtpUrl: string | undefined;
  emailFrom: string;
  sessionMaxAgeMs: number;
  sessionIdleMs: number;
  bodyLimit: number;
  /** A body stalled this long gets a 408. */
  bodyIdleMs: number;
  /** The whole request must arrive within this (0: no limit). */
  requestTimeoutMs: number;
  /** Largest accepted file upload. */
  fileMaxBytes: number;
  /** Largest accepted CSV import. */
  importMaxBytes: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Run job workers in this process (enqueueing always works). */
  jobWorkers: boolean;
  fileStorage: FileStorageConfig;
  /** Texting provider and Twilio credentials (webhooks are verified with the auth token). */
  messagingProvider: 'simulator' | 'twilio';
  twilioAccountSid: string | undefined;
  twilioAuthToken: string | undefined;
  twilioApiBase: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(set);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  // Rules across variables, checked on the raw values so every problem is listed at once.
  if (set.FILE_STORAGE === 's3' && !set.S3_BUCKET) lines.push('  S3_BUCKET: Required when FILE_STORAGE=s3.');
  if (Boolean(set.S3_ACCESS_KEY_ID) !== Boolean(set.S3_SECRET_ACCESS_KEY))
    lines.push(
      '  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: Set both, or neither (to use the default AWS credentials).',
    );
  if (!parsed.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    smtpUrl: e.SMTP_URL,
    emailFrom: e.EMAIL_FROM,
    sessionMaxAgeMs: e.SESSION_MAX_AGE_HOURS * 3600_000,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    bodyLimit: e.BODY_LIMIT_BYTES,
    bodyIdleMs: e.REQUEST_BODY_IDLE_SECONDS * 1000,
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    fileMaxBytes: e.FILE_MAX_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    jobWorkers: e.JOBS,
    messagingProvider: e.MESSAGING_PROVIDER,
    twilioAccountSid: e.TWILIO_ACCOUNT_SID,
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    twilioApiBase: e.TWILIO_API_BASE,
    fileStorage:
      e.FILE_STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            credentials:
              e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                : undefined,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'disk' },
  };
}

import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env: validated once, frozen, passed down explicitly. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ANXIN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ANXIN_HOST: z.string().default('127.0.0.1'),
  ANXIN_DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().optional(),
  ANXIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ANXIN_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  ANXIN_MIGRATE: z.enum(['on-start', 'skip']).default('on-start'),
  /** Older switch, kept working: `off` is the same as ANXIN_ROLE=api. */
  ANXIN_WORKERS: z.enum(['on', 'off']).default('on'),
  ANXIN_ROLE: z.enum(['all', 'api', 'worker']).optional(),
  ANXIN_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  ANXIN_WEB_DIST: z.string().optional(),
  ANXIN_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  ANXIN_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1_048_576),
  ANXIN_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  ANXIN_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  ANXIN_LOGIN_RATE_PER_MIN: z.coerce.number().int().positive().default(20),
  ANXIN_SQLITE_STATEMENT_CACHE: z.coerce.number().int().min(0).default(500),
  ANXIN_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  ANXIN_SETTINGS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  seedDemo: 'auto' | 'always' | 'never';
  migrateOnStart: boolean;
  /**
   * What this process does: `api` serves HTTP only, `worker` runs jobs and the outbox sweep without
   * HTTP, `all` (default, one node) does both. Sessions, schedules and the outbox live in the
   * database, so any number of api and worker nodes can share one PostgreSQL.
   */
  role: NodeRole;
  /** role !== 'api' */
  runWorkers: boolean;
  /** role !== 'worker' */
  serveHttp: boolean;
  trustProxy: boolean;
  webDist: string | undefined;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  sessionTtlHours: number;
  cookieSecure: 'auto' | 'always' | 'never';
  loginRatePerMinute: number;
  /** SQLite: prepared statements kept per connection, by SQL text (0: prepare on every query). */
  sqliteStatementCache: number;
  /**
   * How long a node reuses a resolved session (session → user, roles, permissions) before reading
   * it again. Logout and changes on this node take effect at once; another node of a multi-node
   * PostgreSQL deployment sees a logout or a deactivated account after at most this long. 0: off.
   */
  sessionCacheMs: number;
  /**
   * How long a node reuses a setting it read. A write on this node takes effect at once; other
   * nodes pick it up after at most this long (settings are rare, deliberate changes). 0: off.
   */
  settingsCacheMs: number;
}>;

export type NodeRole = 'all' | 'api' | 'worker';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  const role: NodeRole = e.ANXIN_ROLE ?? (e.ANXIN_WORKERS === 'off' ? 'api' : 'all');
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.ANXIN_PORT,
    host: e.ANXIN_HOST,
    dataDir: path.resolve(e.ANXIN_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    logLevel: e.ANXIN_LOG_LEVEL,
    seedDemo: e.ANXIN_SEED_DEMO,
    migrateOnStart: e.ANXIN_MIGRATE === 'on-start',
    role,
    runWorkers: role !== 'api',
    serveHttp: role !== 'worker',
    trustProxy: e.ANXIN_TRUST_PROXY === '1',
    webDist: e.ANXIN_WEB_DIST,
    bodyLimitBytes: e.ANXIN_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.ANXIN_UPLOAD_LIMIT_BYTES,
    sessionTtlHours: e.ANXIN_SESSION_TTL_HOURS,
    cookieSecure: e.ANXIN_COOKIE_SECURE,
    loginRatePerMinute: e.ANXIN_LOGIN_RATE_PER_MIN,
    sqliteStatementCache: e.ANXIN_SQLITE_STATEMENT_CACHE,
    sessionCacheMs: e.ANXIN_SESSION_CACHE_MS,
    settingsCacheMs: e.ANXIN_SETTINGS_CACHE_MS,
  });
}

/** Defaults for tests and tools that build an app without reading the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Tests write settings straight into the table and expect the next request to see them: the
  // settings cache is off unless a test turns it on.
  return Object.freeze({
    ...loadConfig({ NODE_ENV: 'test', ANXIN_LOG_LEVEL: 'silent' }),
    settingsCacheMs: 0,
    ...overrides,
  });
}

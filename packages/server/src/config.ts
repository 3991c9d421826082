import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable CalmDesk reads, parsed once at boot.
 * `.env.sample` at the repository root documents the same list.
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** External PostgreSQL. When unset, CalmDesk starts its own embedded server in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Port of the embedded PostgreSQL; 0 picks a free one at each start. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo organisation on first start (empty database only). */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Password given to every demo user; printed on start. */
  DEMO_PASSWORD: z.string().min(10).default('calmdesk-demo'),
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind https). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /** Failed logins per account before it is locked for LOCKOUT_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Login attempts per client IP per minute, across all app instances. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Analysis API calls per person per minute (per app instance); a batch counts one per 100 items. */
  ANALYSIS_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** A running chat-log import whose instance has not beaten for this long is taken over by another (or a restarted) instance. */
  QA_JOB_STALE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Live assist: this many high-risk conversations in a row (since the last pause, within the load window) suggest a 1-minute pause. */
  ASSIST_PAUSE_STREAK: z.coerce.number().int().min(1).max(50).default(3),
  /** Live assist: conversations older than this many hours no longer count toward the run. */
  ASSIST_LOAD_WINDOW_HOURS: z.coerce.number().int().min(1).max(24).default(4),
  /** Live-assist stream, per connection: conversations held at once, messages kept per conversation, messages per second. */
  ASSIST_STREAM_CONVERSATIONS: z.coerce.number().int().min(1).max(10_000).default(200),
  ASSIST_STREAM_MESSAGES_KEPT: z.coerce.number().int().min(1).max(1000).default(50),
  ASSIST_STREAM_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Folder with the built web app; served at / when present. */
  WEB_DIST_DIR: z.string().optional(),
});

export type TConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  seedDemo: boolean;
  demoPassword: string;
  trustProxy: boolean;
  sessionTtlHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  analysisRatePerMinute: number;
  qaJobStaleSeconds: number;
  assistPauseStreak: number;
  assistLoadWindowHours: number;
  assistStreamConversations: number;
  assistStreamMessagesKept: number;
  assistStreamRatePerSecond: number;
  webDistDir: string | undefined;
};

/**
 * Parses the environment into a typed config.
 * @param env usually `process.env`
 * @returns the config, or throws an Error listing every invalid variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    demoPassword: e.DEMO_PASSWORD,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    analysisRatePerMinute: e.ANALYSIS_RATE_PER_MINUTE,
    qaJobStaleSeconds: e.QA_JOB_STALE_SECONDS,
    assistPauseStreak: e.ASSIST_PAUSE_STREAK,
    assistLoadWindowHours: e.ASSIST_LOAD_WINDOW_HOURS,
    assistStreamConversations: e.ASSIST_STREAM_CONVERSATIONS,
    assistStreamMessagesKept: e.ASSIST_STREAM_MESSAGES_KEPT,
    assistStreamRatePerSecond: e.ASSIST_STREAM_RATE_PER_SECOND,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : undefined,
  };
}

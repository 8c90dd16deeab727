import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AutoApprovalPolicy } from '../core/trading/index.js';
import { ConfigurationError, parseEnvironment } from './environment.js';

export type NodeEnvironment = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The validated configuration, built once at start-up and injected as APP_CONFIG. */
export interface AppConfig {
  readonly nodeEnv: NodeEnvironment;
  readonly isProduction: boolean;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly shutdownTimeoutMs: number;
  };
  readonly database: {
    /** Undefined means: start the embedded PostgreSQL in `embeddedDataDir`. */
    readonly url: string | undefined;
    readonly embeddedDataDir: string;
    readonly poolSize: number;
  };
  readonly logLevel: LogLevel;
  readonly solver: { readonly timeLimitSeconds: number; readonly workerEnabled: boolean };
  readonly auth: { readonly jwtSecret: string; readonly jwtIssuer: string };
  readonly graphql: {
    readonly introspection: boolean;
    readonly maxDepth: number;
    readonly maxComplexity: number;
  };
  /** Requests per minute per bearer token (or per client address without one). */
  readonly rateLimit: { readonly perMinute: number };
  /** Audit entries older than this are purged (HIPAA documentation is kept six years). */
  readonly audit: { readonly retentionDays: number };
  /** The zone whose Monday-to-Monday is a planning week. */
  readonly planning: { readonly timeZone: string };
  /** How much a shift trade may worsen the roster and still be approved without a manager. */
  readonly trades: { readonly autoApproval: AutoApprovalPolicy };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The project's own folder, where `npm start` keeps its embedded database and development secret. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const vars = parseEnvironment(env);
  const nodeEnv = vars.NODE_ENV ?? 'development';
  const isProduction = nodeEnv === 'production';
  const embeddedDataDir = resolve(
    vars.EMBEDDED_DATA_DIR ?? join(PROJECT_ROOT, '.data', 'postgres'),
  );
  if (isProduction && !vars.JWT_SECRET) {
    throw new ConfigurationError(
      'Invalid configuration:\n  JWT_SECRET=(unset): required when NODE_ENV=production',
    );
  }
  if (isProduction && !vars.DATABASE_URL) {
    throw new ConfigurationError(
      'Invalid configuration:\n  DATABASE_URL=(unset): required when NODE_ENV=production; the embedded database is for development',
    );
  }
  return {
    nodeEnv,
    isProduction,
    http: {
      host: vars.HOST ?? '127.0.0.1',
      port: vars.PORT ?? 3000,
      shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS ?? 10000,
    },
    database: { url: vars.DATABASE_URL, embeddedDataDir, poolSize: vars.DB_POOL_SIZE ?? 10 },
    logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    solver: {
      timeLimitSeconds: vars.SOLVER_TIME_LIMIT_SECONDS ?? 60,
      workerEnabled: vars.OPTIMIZATION_WORKER ?? true,
    },
    auth: {
      jwtSecret: vars.JWT_SECRET ?? developmentSecret(),
      jwtIssuer: vars.JWT_ISSUER ?? 'telepharmacy-scheduler',
    },
    graphql: {
      introspection: vars.GRAPHQL_INTROSPECTION ?? !isProduction,
      maxDepth: vars.GRAPHQL_MAX_DEPTH ?? 12,
      maxComplexity: vars.GRAPHQL_MAX_COMPLEXITY ?? 50_000,
    },
    rateLimit: { perMinute: vars.RATE_LIMIT_PER_MINUTE ?? 1200 },
    audit: { retentionDays: vars.AUDIT_RETENTION_DAYS ?? 2192 },
    planning: { timeZone: vars.PLANNING_TIME_ZONE ?? 'America/New_York' },
    trades: {
      autoApproval: {
        maxShortageIncrease: vars.TRADE_AUTO_APPROVE_MAX_SHORTAGE_HOURS ?? 0,
        maxLostServiceValueIncrease: vars.TRADE_AUTO_APPROVE_MAX_LOST_SERVICE ?? 0,
        maxOvertimeCostIncrease: vars.TRADE_AUTO_APPROVE_MAX_OVERTIME_COST ?? 0,
      },
    },
  };
}

/**
 * Outside production a missing JWT_SECRET is replaced by a random secret kept in `.data/`,
 * so that the server and `npm run token` agree without any setup.
 */
function developmentSecret(): string {
  const file = join(PROJECT_ROOT, '.data', 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

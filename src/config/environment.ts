import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  validateSync,
} from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA zone known to the runtime (checked with luxon). */
function IsIanaZoneName() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaZoneName',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an IANA time zone name such as America/New_York`,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      },
    });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** The process environment as the service understands it. Each property is one documented variable. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV?: (typeof NODE_ENVS)[number];

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  EMBEDDED_DATA_DIR?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SOLVER_TIME_LIMIT_SECONDS?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\S+$/)
  JWT_ISSUER?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  DB_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false])
  GRAPHQL_INTROSPECTION?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional()
  @IsString()
  @IsIanaZoneName()
  PLANNING_TIME_ZONE?: string;

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false])
  OPTIMIZATION_WORKER?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  GRAPHQL_MAX_COMPLEXITY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36_500)
  AUDIT_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  TRADE_AUTO_APPROVE_MAX_SHORTAGE_HOURS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  TRADE_AUTO_APPROVE_MAX_LOST_SERVICE?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  TRADE_AUTO_APPROVE_MAX_OVERTIME_COST?: number;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Parses and validates the environment; every problem is reported with the variable and its value. */
export function parseEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const relevant = Object.fromEntries(
    Object.keys(new EnvironmentVariablesKeys()).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = plainToInstance(EnvironmentVariables, relevant);
  const errors = validateSync(parsed, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const shown =
        error.property.includes('SECRET') || error.property === 'DATABASE_URL'
          ? '(hidden)'
          : JSON.stringify(env[error.property]);
      const reasons = Object.values(error.constraints ?? {}).join('; ');
      return `  ${error.property}=${shown}: ${reasons}`;
    });
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Lists the variable names at run time; class-validator metadata alone does not. */
class EnvironmentVariablesKeys implements Record<keyof EnvironmentVariables, undefined> {
  NODE_ENV = undefined;
  PORT = undefined;
  HOST = undefined;
  DATABASE_URL = undefined;
  EMBEDDED_DATA_DIR = undefined;
  LOG_LEVEL = undefined;
  SOLVER_TIME_LIMIT_SECONDS = undefined;
  JWT_SECRET = undefined;
  JWT_ISSUER = undefined;
  DB_POOL_SIZE = undefined;
  GRAPHQL_INTROSPECTION = undefined;
  SHUTDOWN_TIMEOUT_MS = undefined;
  PLANNING_TIME_ZONE = undefined;
  OPTIMIZATION_WORKER = undefined;
  GRAPHQL_MAX_DEPTH = undefined;
  GRAPHQL_MAX_COMPLEXITY = undefined;
  RATE_LIMIT_PER_MINUTE = undefined;
  AUDIT_RETENTION_DAYS = undefined;
  TRADE_AUTO_APPROVE_MAX_SHORTAGE_HOURS = undefined;
  TRADE_AUTO_APPROVE_MAX_LOST_SERVICE = undefined;
  TRADE_AUTO_APPROVE_MAX_OVERTIME_COST = undefined;
}

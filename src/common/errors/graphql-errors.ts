import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** Codes that Apollo itself assigns to requests that are not valid GraphQL; passed through unchanged. */
const GRAPHQL_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
const DOMAIN_CODES = new Set<string>(Object.values(ErrorCode));

/** What clients see while the database cannot be reached: retryable, and naming no internals. */
export function databaseUnavailableError(): DomainError {
  return new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The database is unavailable at the moment; retry shortly',
  );
}

/** The code an operation ended with, as clients see it: for the audit trail and the logs. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof DomainError) return error.code;
  if (isDatabaseUnavailable(error)) return ErrorCode.SERVICE_UNAVAILABLE;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Converts a domain error into the GraphQL error clients see. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const { field, value, ...rest } = error.details;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...(field !== undefined && { field }),
      ...(value !== undefined && { value: clip(value) }),
      ...rest,
    },
  });
}

function clip(value: unknown): unknown {
  return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

/** Our own code, from the error or any error it wraps (a scalar's error inside a variable coercion, say). */
function domainCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof DomainError) return current.code;
    if (current instanceof GraphQLError) {
      const code = current.extensions?.code;
      if (
        typeof code === 'string' &&
        DOMAIN_CODES.has(code) &&
        code !== ErrorCode.INTERNAL_SERVER_ERROR
      )
        return code;
      current = current.originalError;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The one place that decides what an error looks like on the wire: a stable code, a message
 * that names the field, and never a stack trace or an internal message in an unexpected failure.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const apolloCode = formatted.extensions?.code;
  const domainCode = domainCodeOf(error);
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    ...extensions
  } = formatted.extensions ?? {};
  if (domainCode) {
    return { ...formatted, extensions: { ...extensions, code: domainCode } };
  }
  // Field resolvers and plugins do not pass through the exception filter; their database errors
  // are recognised here.
  if (isDatabaseUnavailable(error)) {
    return {
      message: databaseUnavailableError().message,
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if (apolloCode === 'BAD_USER_INPUT') {
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.VALIDATION_FAILED } };
  }
  if (typeof apolloCode === 'string' && GRAPHQL_REQUEST_CODES.has(apolloCode)) {
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

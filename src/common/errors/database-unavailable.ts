import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * Tells "the database cannot be reached right now" (restarting, shutting down, refusing
 * connections, network gone) from every other failure, so that clients get a stable, retryable
 * SERVICE_UNAVAILABLE instead of an INTERNAL_SERVER_ERROR. Looks at the error and what it wraps
 * (TypeORM's QueryFailedError keeps the driver's error in `driverError`).
 */

/** Sockets that failed or were cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server that is going away or not letting anyone in. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is shutting down (or an administrator ended the session)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);

/** node-postgres reports lost or unobtainable connections with these messages and no code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /not currently accepting connections/,
];

function isUnavailableCause(error: object): boolean {
  // TypeORM releases a query runner as soon as its connection fails; the next statement of the
  // transaction (often the COMMIT, which then never reaches the server) throws this instead of
  // the connection's error. The service never releases a runner inside a transaction itself.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // Class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (isUnavailableCause(current)) return true;
    const wrapper = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = wrapper.driverError ?? wrapper.cause ?? wrapper.originalError;
  }
  return false;
}

import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../../src/common/errors/database-unavailable.js';
import { errorCodeOf } from '../../../src/common/errors/graphql-errors.js';
import { ConflictError } from '../../../src/core/errors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset socket', withCode('ECONNRESET')],
    [
      'a server shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', withCode('08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect', new Error('timeout exceeded when trying to connect')],
    [
      'a database closed to connections',
      withCode('55000', 'database "x" is not currently accepting connections'),
    ],
    [
      'a query that failed on a lost connection',
      new QueryFailedError('SELECT 1', [], withCode('57P01')),
    ],
    ['a wrapped cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    [
      'a transaction whose connection was lost before COMMIT',
      new QueryRunnerAlreadyReleasedError(),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(errorCodeOf(error)).toBe('SERVICE_UNAVAILABLE');
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('23505', 'duplicate key'))],
    ['another 55000 (a lock not available)', withCode('55P03', 'could not obtain lock')],
    ['a bug', new TypeError('undefined is not a function')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('does not mistake %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(errorCodeOf(error)).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps the code of a domain error', () => {
    expect(errorCodeOf(new ConflictError('taken'))).toBe('CONFLICT');
  });
});

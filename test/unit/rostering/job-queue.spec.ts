import 'reflect-metadata';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { JobQueue } from '../../../src/rostering/job-queue.service.js';
import { testConfig } from '../../support/test-app.js';

/** An error as node-postgres reports a connection the server ended (SQLSTATE in `code`). */
function serverError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

const ADMIN_SHUTDOWN = serverError('57P01', 'terminating connection due to administrator command');

describe('JobQueue error reporting', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  function spies() {
    return {
      error: jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined),
      debug: jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined),
    };
  }

  // The queue is never started here: no database is needed to route its errors.
  const queue = () => new JobQueue(testConfig('postgres://unused@127.0.0.1:1/unused'));

  it('logs a connection the database ended as an error while the service runs', () => {
    const { error, debug } = spies();
    queue().reportError(ADMIN_SHUTDOWN);
    expect(error).toHaveBeenCalledTimes(1);
    expect(debug).not.toHaveBeenCalled();
  });

  it('logs it at debug level once shutdown has begun (the database stops right after)', async () => {
    const { error, debug } = spies();
    const stopping = queue();
    await stopping.onApplicationShutdown();
    stopping.reportError(ADMIN_SHUTDOWN);
    expect(error).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledTimes(1);
  });

  it('still logs any other error during shutdown as an error', async () => {
    const { error, debug } = spies();
    const stopping = queue();
    await stopping.onApplicationShutdown();
    stopping.reportError(serverError('53300', 'too many connections'));
    stopping.reportError(new Error('pool failure'));
    expect(error).toHaveBeenCalledTimes(2);
    expect(debug).not.toHaveBeenCalled();
  });
});

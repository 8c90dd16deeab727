import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from '../../../src/config/app-config.js';

const base = {
  NODE_ENV: 'test',
  JWT_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
};

describe('loadAppConfig', () => {
  it('builds a typed configuration with defaults', () => {
    const config = loadAppConfig(base);
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe(base.DATABASE_URL);
    expect(config.solver.timeLimitSeconds).toBe(60);
    expect(config.graphql.introspection).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty"/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL=\(hidden\)/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
    ['SOLVER_TIME_LIMIT_SECONDS', '0', /SOLVER_TIME_LIMIT_SECONDS="0"/],
    ['JWT_SECRET', 'short', /JWT_SECRET=\(hidden\): JWT_SECRET must be at least 32 characters/],
    ['NODE_ENV', 'staging', /NODE_ENV="staging"/],
  ])('names %s when its value %s is malformed', (name, value, message) => {
    expect(() => loadAppConfig({ ...base, [name]: value })).toThrow(message);
  });

  it('requires a real secret and database in production', () => {
    expect(() =>
      loadAppConfig({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL }),
    ).toThrow(/JWT_SECRET=\(unset\)/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: base.JWT_SECRET })).toThrow(
      /DATABASE_URL=\(unset\)/,
    );
    expect(loadAppConfig({ ...base, NODE_ENV: 'production' }).graphql.introspection).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadAppConfig({ ...base, PORT: '' }).http.port).toBe(3000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

describe('limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COMPLEXITY: '200', RATE_LIMIT_PER_MINUTE: '12' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends security headers', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses an operation nested too deeply, before it runs', async () => {
    const res = await t.gql(
      '{ employees(first: 1) { edges { node { licences { state } } } } }',
      undefined,
      t.token(Role.HR_SYSTEM, 'depth'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/5 levels deep; at most 4/);
  });

  it('refuses an operation whose estimated cost is too high, and accepts a smaller page', async () => {
    const token = t.token(Role.HR_SYSTEM, 'complexity');
    const big = await t.gql(
      '{ employees(first: 500) { edges { cursor node { id name } } } }',
      undefined,
      token,
    );
    expect(big.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await t.gql(
      '{ employees(first: 10) { edges { cursor node { id name } } } }',
      undefined,
      token,
    );
    expect(small.errors).toBeUndefined();
  });

  it('estimates the cost of the same query text afresh for other variables', async () => {
    // Costs are remembered per parsed document and variables: a page size given as a variable
    // must still be priced by its value.
    const token = t.token(Role.HR_SYSTEM, 'complexity-variables');
    const query = 'query($n: Int!) { employees(first: $n) { edges { cursor node { id name } } } }';
    const codes = [];
    for (const n of [10, 500, 10, 500])
      codes.push((await t.gql(query, { n }, token)).errors?.[0]?.extensions?.code);
    expect(codes).toEqual([undefined, 'QUERY_TOO_COMPLEX', undefined, 'QUERY_TOO_COMPLEX']);
  });

  it('rate-limits each token on its own, with RATE_LIMITED', async () => {
    const busy = t.token(Role.MANAGER, 'busy');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 14; i++)
      codes.push(
        (await t.gql('{ viewer { subject } }', undefined, busy)).errors?.[0]?.extensions?.code,
      );
    expect(codes.slice(0, 12).every((code) => code === undefined)).toBe(true);
    expect(codes.slice(12)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    const other = await t.gql('{ viewer { subject } }', undefined, t.token(Role.MANAGER, 'calm'));
    expect(other.errors).toBeUndefined();
    const health = await request(t.app.getHttpServer()).get('/health/live');
    expect(health.status).toBe(200);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns introspection off and keeps errors free of internals', async () => {
    const introspection = await t.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const bad = await t.gql('{ viewer { subject } }', undefined, 'not-a-token');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|node_modules|\.ts:\d+/);
    const res = await request(t.app.getHttpServer()).get('/health/live');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

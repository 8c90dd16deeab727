import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { schemaFileText, SCHEMA_FILE } from '../../src/common/graphql/schema-printer.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function expectNoStackTrace(body: unknown): void {
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat .+\.(js|ts):\d+/);
}

describe('service foundation over HTTP', () => {
  it('answers a public query without a token', async () => {
    const res = await t.gql<{ serviceInfo: { name: string; databaseTime: string } }>(
      '{ serviceInfo { name version databaseTime } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.serviceInfo.name).toBe('telepharmacy-scheduler');
    expect(res.data?.serviceInfo.databaseTime).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
  });

  it('refuses a guarded query without a token as UNAUTHENTICATED', async () => {
    const res = await t.gql('{ viewer { subject } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
    expectNoStackTrace(res);
  });

  it.each([
    ['not a JWT', 'Bearer not-a-jwt'],
    ['wrong scheme', 'Basic dXNlcjpwYXNz'],
    [
      'signed with another secret',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0.c2lnbmF0dXJl',
    ],
  ])(
    'refuses a malformed token (%s) as UNAUTHENTICATED, even on a public query',
    async (_label, header) => {
      const res = await request(t.app.getHttpServer())
        .post('/graphql')
        .set('authorization', header)
        .send({ query: '{ serviceInfo { name } }' });
      const body = res.body as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expectNoStackTrace(body);
    },
  );

  it('refuses an expired token', async () => {
    const expired = t.app
      .get((await import('../../src/auth/token.service.js')).TokenService)
      .issue({ subject: 'x', roles: [Role.ADMIN] }, -10);
    const res = await t.gql('{ viewer { subject } }', undefined, expired);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/expired/);
  });

  it('identifies the caller from a valid token', async () => {
    const res = await t.gql<{ viewer: { subject: string; roles: string[] } }>(
      '{ viewer { subject roles } }',
      undefined,
      t.token([Role.MANAGER, Role.HR_SYSTEM], 'alice'),
    );
    expect(res.data?.viewer).toEqual({ subject: 'alice', roles: ['MANAGER', 'HR_SYSTEM'] });
  });

  it('rejects an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.gql('{ serviceInfo { name doesNotExist } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('doesNotExist');
    expectNoStackTrace(res);
  });

  it('rejects unparseable GraphQL as GRAPHQL_PARSE_FAILED', async () => {
    const res = await t.gql('{ serviceInfo { name ');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  const zoned =
    'query($i: Instant!, $z: TimeZone!) { zonedTime(instant: $i, timeZone: $z) { localDate localTime utcOffsetMinutes abbreviation } }';

  it('shows an instant in a zone across a daylight-saving change', async () => {
    const token = t.token(Role.TECHNICIAN);
    const before = await t.gql<{ zonedTime: { localTime: string; utcOffsetMinutes: number } }>(
      zoned,
      { i: '2026-03-08T06:30:00Z', z: 'America/New_York' },
      token,
    );
    const after = await t.gql<{ zonedTime: { localTime: string; utcOffsetMinutes: number } }>(
      zoned,
      { i: '2026-03-08T07:30:00Z', z: 'America/New_York' },
      token,
    );
    expect(before.data?.zonedTime).toMatchObject({ localTime: '01:30', utcOffsetMinutes: -300 });
    expect(after.data?.zonedTime).toMatchObject({ localTime: '03:30', utcOffsetMinutes: -240 });
  });

  it.each([
    [
      'a bad time zone',
      { i: '2026-12-07T14:00:00Z', z: 'Mars/Olympus_Mons' },
      /TimeZone: "Mars\/Olympus_Mons" is invalid/,
    ],
    [
      'an instant without offset',
      { i: '2026-12-07T14:00:00', z: 'America/Chicago' },
      /Instant: "2026-12-07T14:00:00" is invalid/,
    ],
    [
      'a non-date instant',
      { i: 'yesterday', z: 'America/Chicago' },
      /Instant: "yesterday" is invalid/,
    ],
    [
      'an impossible date',
      { i: '2026-02-30T10:00:00Z', z: 'America/Chicago' },
      /Instant: "2026-02-30T10:00:00Z" is invalid/,
    ],
  ])('rejects %s as VALIDATION_FAILED naming the value', async (_label, variables, message) => {
    const res = await t.gql(zoned, variables, t.token(Role.TECHNICIAN));
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(message);
    expectNoStackTrace(res);
  });

  it('rejects a malformed scalar written inline in the query as VALIDATION_FAILED', async () => {
    const res = await t.gql(
      '{ zonedTime(instant: "2026-12-07T14:00:00Z", timeZone: "Not/AZone") { localTime } }',
      undefined,
      t.token(Role.ADMIN),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('"Not/AZone"');
  });

  it('serves liveness and readiness, with a request id', async () => {
    const live = await request(t.app.getHttpServer())
      .get('/health/live')
      .set('x-request-id', 'abc-123');
    expect(live.status).toBe(200);
    expect(live.headers['x-request-id']).toBe('abc-123');
    const ready = await request(t.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect((ready.body as { info: { database: { status: string } } }).info.database.status).toBe(
      'up',
    );
  });

  it('refuses a body above the size limit', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(
        JSON.stringify({
          query: '{ serviceInfo { name } }',
          variables: { pad: 'x'.repeat(17 * 1024 * 1024) },
        }),
      );
    expect(res.status).toBe(413);
    expectNoStackTrace(res.body);
  });

  it('serves exactly the committed schema.gql', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(schemaFileText(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { databaseFingerprint } from '../support/db-snapshot.js';
import { sampleOperation } from '../support/dummy-operation.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

/** Codes a client can act on: anything else (INTERNAL_SERVER_ERROR above all) fails the sweep. */
const CLIENT_CODES = new Set([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every variant of `value` with one leaf replaced by something invalid for it. */
function variants(value: Json, path: string[] = []): { path: string; value: Json }[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      variants(item, [...path, String(i)]).map((v) => ({
        ...v,
        value: value.map((x, j) => (j === i ? v.value : x)),
      })),
    );
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      variants(item, [...path, key]).map((v) => ({ ...v, value: { ...value, [key]: v.value } })),
    );
  }
  const at = path.join('.');
  const bad: Json[] =
    typeof value === 'number'
      ? ['not-a-number', -1e12, 1e12]
      : typeof value === 'boolean'
        ? ['yes']
        : ['x'.repeat(100_000), '', '2026-02-30T25:61:00', 'Mars/Olympus_Mons', 42];
  return bad.map((replacement) => ({ path: at, value: replacement }));
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('bad input sweep over every mutation', () => {
  it('answers every invalid input with a client error code, never an internal error, and writes nothing', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const token = t.token(
      [Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM, Role.TECHNICIAN, Role.PHARMACIST],
      'sweeper',
      '00000000-0000-4000-8000-0000000000aa',
    );
    const failures: string[] = [];
    let requests = 0;
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const { query, variables } = sampleOperation('mutation', field);
      for (const variant of variants(variables as Json)) {
        const before = await databaseFingerprint(t.database.url);
        const res = await t.gql(query, variant.value as Record<string, unknown>, token);
        requests++;
        const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'none');
        const unexpected = codes.filter((code) => !CLIENT_CODES.has(code));
        if (unexpected.length > 0)
          failures.push(
            `${field.name} ${variant.path}: ${unexpected.join(', ')} ${res.errors?.[0]?.message.slice(0, 160) ?? ''}`,
          );
        if (
          codes.length > 0 &&
          JSON.stringify(await databaseFingerprint(t.database.url)) !== JSON.stringify(before)
        ) {
          failures.push(`${field.name} ${variant.path}: rejected but wrote to the database`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(100);
  }, 300_000);
});

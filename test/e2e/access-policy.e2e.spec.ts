import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField } from 'graphql';
import { ALL_ROLES } from '../../src/auth/role.js';
import { ACCESS_POLICY } from '../support/access-policy.js';
import { databaseFingerprint } from '../support/db-snapshot.js';
import { sampleOperation } from '../support/dummy-operation.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let operations: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[];
beforeAll(async () => {
  t = await createTestApp();
  const schema = t.app.get(GraphQLSchemaHost).schema;
  operations = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({
      kind: 'query' as const,
      field,
    })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
      kind: 'mutation' as const,
      field,
    })),
  ];
});
afterAll(async () => {
  await t.close();
});

const GUARD_REFUSAL = /may not perform this operation|bearer token is required/;

describe('every operation is guarded as the access policy says', () => {
  it('lists every operation of the schema in the policy, and nothing else', () => {
    expect(operations.map((op) => op.field.name).sort()).toEqual(Object.keys(ACCESS_POLICY).sort());
  });

  it('refuses callers without a token and with other roles, writing nothing', async () => {
    const before = await databaseFingerprint(t.database.url);
    const leaks: string[] = [];
    for (const { kind, field } of operations) {
      const policy = ACCESS_POLICY[field.name];
      if (policy === 'PUBLIC') continue;
      const { query, variables } = sampleOperation(kind, field);
      const anonymous = await t.gql(query, variables);
      if (anonymous.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED')
        leaks.push(
          `${field.name} without a token: ${JSON.stringify(anonymous.errors ?? anonymous.data)}`,
        );
      for (const role of ALL_ROLES.filter((r) => !policy.includes(r))) {
        const res = await t.gql(query, variables, t.token(role, `walker-${role}`));
        if (res.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
          leaks.push(`${field.name} as ${role}: ${JSON.stringify(res.errors ?? res.data)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await databaseFingerprint(t.database.url)).toEqual(before);
  });

  it('lets the allowed roles past the guard', async () => {
    const refused: string[] = [];
    for (const { kind, field } of operations) {
      const policy = ACCESS_POLICY[field.name];
      const roles = policy === 'PUBLIC' ? [undefined] : policy;
      for (const role of roles) {
        const { query, variables } = sampleOperation(kind, field);
        const res = await t.gql(query, variables, role && t.token(role, `walker-${role}`));
        const guardError = res.errors?.find((error) => GUARD_REFUSAL.test(error.message));
        if (guardError)
          refused.push(`${field.name} as ${role ?? 'anonymous'}: ${guardError.message}`);
        const internal = (res.errors ?? []).filter(
          (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR',
        );
        if (internal.length > 0)
          refused.push(`${field.name} as ${role ?? 'anonymous'}: INTERNAL_SERVER_ERROR`);
      }
    }
    expect(refused).toEqual([]);
  });
});

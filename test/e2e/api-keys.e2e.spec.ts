import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: string;
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt } } }`;
const UPSERT = `mutation { upsertEmployees(input: { rows: [{ externalId: "K-1", role: TECHNICIAN, name: "Keyed", timeZone: "America/Denver", hireDate: "2024-01-01", hourlyRate: 21 }] }) { created unchanged } }`;
const LIST = `{ employees(first: 10) { edges { node { externalId contract { hourlyRate } } } } }`;

async function createKey(
  input: Record<string, unknown>,
): Promise<{ secret: string; apiKey: { id: string; prefix: string } }> {
  const res = await t.gql<{
    createApiKey: { secret: string; apiKey: { id: string; prefix: string } };
  }>(CREATE, { input }, admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createApiKey;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = t.token(Role.ADMIN, 'admin');
});
afterAll(async () => {
  await t.close();
});

describe('HR system API keys', () => {
  it('are shown once and stored only as a hash', async () => {
    const { secret, apiKey } = await createKey({
      name: 'workday',
      scopes: ['READ_EMPLOYEES', 'WRITE_EMPLOYEES'],
    });
    expect(secret).toMatch(/^tpk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const stored = await t.app
      .get(DataSource)
      .query<{ secret_hash: string }[]>('SELECT secret_hash FROM api_key');
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await t.gql<{ apiKeys: { name: string }[] }>(
      '{ apiKeys { name prefix scopes lastUsedAt } }',
      undefined,
      admin,
    );
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it('act as HR_SYSTEM within their scopes, and are recorded in the audit trail by key', async () => {
    const { secret, apiKey } = await createKey({ name: 'writer', scopes: ['WRITE_EMPLOYEES'] });
    const written = await t.gql<{ upsertEmployees: { created: number } }>(
      UPSERT,
      undefined,
      secret,
    );
    expect(written.data?.upsertEmployees.created).toBe(1);
    const read = await t.gql(LIST, undefined, secret);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.errors?.[0]?.message).toMatch(/lacks the scope READ_EMPLOYEES/);
    const audit = await t.gql<{
      auditEvents: { edges: { node: { kind: string; operation: string; outcome: string } }[] };
    }>(
      `{ auditEvents(first: 10, filter: { subject: "api-key:writer" }) { edges { node { kind operation outcome } } } }`,
      undefined,
      admin,
    );
    // The write, and the read the key's scopes refused.
    expect(audit.data?.auditEvents.edges.map((e) => e.node)).toEqual([
      { kind: 'MUTATION', operation: 'upsertEmployees', outcome: 'OK' },
      { kind: 'REFUSED', operation: 'employees', outcome: 'FORBIDDEN' },
    ]);
    const rows = await t.app
      .get(DataSource)
      .query<{ key_id: string }[]>(
        `SELECT key_id FROM audit_event WHERE subject = 'api-key:writer'`,
      );
    expect(rows.map((row) => row.key_id)).toEqual([apiKey.id, apiKey.id]);
  });

  it('refuse operations that name no scope, and administrators-only operations', async () => {
    const { secret } = await createKey({ name: 'reader', scopes: ['READ_EMPLOYEES'] });
    expect((await t.gql(LIST, undefined, secret)).errors).toBeUndefined();
    expect(
      (await t.gql('{ viewer { subject } }', undefined, secret)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql('{ apiKeys { name } }', undefined, secret)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('stop working when revoked or expired: UNAUTHENTICATED', async () => {
    const { secret, apiKey } = await createKey({ name: 'temporary', scopes: ['READ_EMPLOYEES'] });
    await t.gql(
      `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: apiKey.id },
      admin,
    );
    const revoked = await t.gql(LIST, undefined, secret);
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(revoked.errors?.[0]?.message).toMatch(/revoked/);
    const expiring = await createKey({
      name: 'short-lived',
      scopes: ['READ_EMPLOYEES'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await t.app
      .get(DataSource)
      .query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expiring.apiKey.id,
      ]);
    const expired = await t.gql(LIST, undefined, expiring.secret);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    const unknown = await t.gql(LIST, undefined, 'tpk_not-a-real-key');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    [{ name: 'x', scopes: [] }, 'input.scopes'],
    [{ name: '', scopes: ['READ_EMPLOYEES'] }, 'input.name'],
    [
      { name: 'x', scopes: ['READ_EMPLOYEES'], expiresAt: '2020-01-01T00:00:00Z' },
      'input.expiresAt',
    ],
  ])('rejects %j', async (input, field) => {
    const res = await t.gql(CREATE, { input }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const row = (i: number, name: string) => ({
  externalId: `C-${i}`,
  role: 'TECHNICIAN',
  name,
  timeZone: 'America/Chicago',
  hireDate: '2024-01-01',
  hourlyRate: 20 + (i % 5),
});
const UPSERT = `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { created updated unchanged rejected } }`;
const LICENCES = `mutation($input: UpsertLicencesInput!) { upsertLicences(input: $input) { created updated unchanged rejected } }`;

describe('concurrent bulk upserts', () => {
  it('of the same employees converge to one consistent state, each created once', async () => {
    const hr = t.token(Role.HR_SYSTEM, 'hr');
    const rows = Array.from({ length: 200 }, (_, i) => row(i, `Name ${i}`));
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.gql<{ upsertEmployees: { created: number; unchanged: number; rejected: number } }>(
          UPSERT,
          { input: { rows } },
          hr,
        ),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.reduce((sum, r) => sum + r.data!.upsertEmployees.created, 0)).toBe(200);
    expect(results.reduce((sum, r) => sum + r.data!.upsertEmployees.unchanged, 0)).toBe(200 * 5);
    const [{ n }] = await t.app
      .get(DataSource)
      .query<{ n: string }[]>(`SELECT count(*) AS n FROM employee WHERE external_id LIKE 'C-%'`);
    expect(Number(n)).toBe(200);

    const renames = await Promise.all(
      ['Alpha', 'Beta', 'Gamma'].map((name) =>
        t.gql(
          UPSERT,
          { input: { rows: rows.map((r, i) => row(i, `${name} ${r.externalId}`)) } },
          hr,
        ),
      ),
    );
    expect(renames.every((r) => r.errors === undefined)).toBe(true);
    const names = await t.app
      .get(DataSource)
      .query<{ prefix: string }[]>(
        `SELECT DISTINCT split_part(name, ' ', 1) AS prefix FROM employee WHERE external_id LIKE 'C-%'`,
      );
    expect(names).toHaveLength(1);
  });

  it('of the same licences converge too', async () => {
    const hr = t.token(Role.HR_SYSTEM, 'hr');
    const rows = Array.from({ length: 100 }, (_, i) => ({
      employeeExternalId: `C-${i}`,
      state: 'OH',
      kind: 'TECHNICIAN_REGISTRATION',
      number: `OH-${i}`,
      validFrom: '2024-01-01',
    }));
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.gql<{ upsertLicences: { created: number; unchanged: number } }>(
          LICENCES,
          { input: { rows } },
          hr,
        ),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const [{ n }] = await t.app
      .get(DataSource)
      .query<{ n: string }[]>(`SELECT count(*) AS n FROM licence`);
    expect(Number(n)).toBe(100);
  });
});

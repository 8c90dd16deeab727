import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { databaseFingerprint } from '../support/db-snapshot.js';

let t: TestApp;
let hr: string;
beforeAll(async () => {
  t = await createTestApp();
  hr = t.token(Role.HR_SYSTEM, 'hr-system');
});
afterAll(async () => {
  await t.close();
});

const UPSERT_EMPLOYEES = `mutation($input: UpsertEmployeesInput!) {
  upsertEmployees(input: $input) { applied created updated unchanged rejected rows { index key outcome id errors { field code message } } }
}`;
const UPSERT_LICENCES = `mutation($input: UpsertLicencesInput!) {
  upsertLicences(input: $input) { applied created updated unchanged rejected rows { index key outcome id errors { field code message } } }
}`;

interface BulkResult {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: {
    index: number;
    key: string;
    outcome: string;
    id: string | null;
    errors: { field: string; code: string; message: string }[];
  }[];
}

function technician(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    externalId,
    role: 'TECHNICIAN',
    name: `Tech ${externalId}`,
    timeZone: 'America/Chicago',
    hireDate: '2024-03-01',
    hourlyRate: 24.5,
    ...overrides,
  };
}

async function upsertEmployees(rows: object[], allOrNothing = false) {
  return t.gql<{ upsertEmployees: BulkResult }>(
    UPSERT_EMPLOYEES,
    { input: { rows, allOrNothing } },
    hr,
  );
}

describe('employee bulk upsert', () => {
  it('creates, then reports unchanged, then updates: idempotent by externalId', async () => {
    const rows = [technician('w-1'), technician('w-2', { role: 'PHARMACIST', hourlyRate: 68 })];
    const first = await upsertEmployees(rows);
    expect(first.errors).toBeUndefined();
    expect(first.data?.upsertEmployees).toMatchObject({
      applied: true,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const again = await upsertEmployees(rows);
    expect(again.data?.upsertEmployees).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.data?.upsertEmployees.rows.map((r) => r.id)).toEqual(
      first.data?.upsertEmployees.rows.map((r) => r.id),
    );
    const changed = await upsertEmployees([technician('w-1', { name: 'Renamed' })]);
    expect(changed.data?.upsertEmployees).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it('rejects only the bad row, naming field and value, unless all-or-nothing', async () => {
    const rows = [
      technician('w-3'),
      technician('w-4', { timeZone: 'Mars/Base' }),
      technician('w-5', { minHoursPerWeek: 50, maxHoursPerWeek: 30 }),
    ];
    const res = await upsertEmployees(rows);
    const result = res.data!.upsertEmployees;
    expect(result).toMatchObject({ applied: true, created: 1, rejected: 2 });
    expect(result.rows[1].errors[0]).toMatchObject({
      field: 'rows[1].timeZone',
      code: 'VALIDATION_FAILED',
    });
    expect(result.rows[1].errors[0].message).toContain('"Mars/Base"');
    expect(result.rows[2].errors[0]).toMatchObject({
      field: 'rows[2].minHoursPerWeek',
      code: 'VALIDATION_FAILED',
    });

    const before = await databaseFingerprint(t.database.url);
    const strict = await upsertEmployees(
      [technician('w-6'), technician('w-7', { hireDate: '2024-02-30' })],
      true,
    );
    expect(strict.data?.upsertEmployees).toMatchObject({ applied: false, created: 0, rejected: 1 });
    expect(strict.data?.upsertEmployees.rows[0]!.outcome).toBe('NOT_APPLIED');
    expect(await databaseFingerprint(t.database.url)).toEqual(before);
  });

  it.each([
    ['a duplicate externalId', [technician('d-1'), technician('d-1')], 'input.rows[1].externalId'],
    ['a string of 100 000 characters', [technician('x'.repeat(100_000))], undefined],
  ])('rejects %s with nothing written', async (_label, rows, field) => {
    const before = await databaseFingerprint(t.database.url);
    const res = await upsertEmployees(rows);
    const code =
      res.errors?.[0]?.extensions?.code ?? res.data?.upsertEmployees.rows[0]?.errors[0]?.code;
    expect(code).toBe('VALIDATION_FAILED');
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    else
      expect(res.data?.upsertEmployees.rows[0]?.errors[0]?.message).toMatch(
        /externalId must be shorter than or equal to 100 characters/,
      );
    expect(await databaseFingerprint(t.database.url)).toEqual(before);
  });

  it('refuses technicians and unauthenticated callers', async () => {
    const asTech = await t.gql(
      UPSERT_EMPLOYEES,
      { input: { rows: [technician('z')] } },
      t.token(Role.TECHNICIAN),
    );
    expect(asTech.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(UPSERT_EMPLOYEES, { input: { rows: [technician('z')] } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('licences', () => {
  it('upserts licences by employee externalId and rejects unknown employees and bad states', async () => {
    await upsertEmployees([technician('l-1'), technician('l-2', { role: 'PHARMACIST' })]);
    const rows = [
      {
        employeeExternalId: 'l-1',
        state: 'NC',
        kind: 'TECHNICIAN_REGISTRATION',
        number: 'NC-123',
        validFrom: '2024-01-01',
        validUntil: '2026-12-31',
      },
      {
        employeeExternalId: 'l-2',
        state: 'MA',
        kind: 'PHARMACIST_LICENCE',
        number: 'MA-9',
        validFrom: '2020-01-01',
      },
      {
        employeeExternalId: 'nobody',
        state: 'NC',
        kind: 'TECHNICIAN_LICENCE',
        number: 'x',
        validFrom: '2024-01-01',
      },
      {
        employeeExternalId: 'l-1',
        state: 'ZZ',
        kind: 'TECHNICIAN_LICENCE',
        number: 'x',
        validFrom: '2024-01-01',
      },
      {
        employeeExternalId: 'l-1',
        state: 'GA',
        kind: 'TECHNICIAN_LICENCE',
        number: 'x',
        validFrom: '2024-01-01',
        validUntil: '2023-01-01',
      },
    ];
    const res = await t.gql<{ upsertLicences: BulkResult }>(
      UPSERT_LICENCES,
      { input: { rows } },
      hr,
    );
    const result = res.data!.upsertLicences;
    expect(result).toMatchObject({ created: 2, rejected: 3 });
    expect(result.rows[2].errors[0]).toMatchObject({
      field: 'rows[2].employeeExternalId',
      code: 'NOT_FOUND',
    });
    expect(result.rows[3].errors[0]).toMatchObject({
      field: 'rows[3].state',
      code: 'VALIDATION_FAILED',
    });
    expect(result.rows[4].errors[0]).toMatchObject({ field: 'rows[4].validUntil' });
    const again = await t.gql<{ upsertLicences: BulkResult }>(
      UPSERT_LICENCES,
      { input: { rows: rows.slice(0, 2) } },
      hr,
    );
    expect(again.data?.upsertLicences).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const renewed = await t.gql<{ upsertLicences: BulkResult }>(
      UPSERT_LICENCES,
      { input: { rows: [{ ...rows[0], validUntil: '2028-12-31' }] } },
      hr,
    );
    expect(renewed.data?.upsertLicences).toMatchObject({ updated: 1 });
  });
});

describe('reading employees', () => {
  it('hides pay and licence numbers from a technician reading their own record', async () => {
    const created = await upsertEmployees([technician('r-1', { email: 'r1@example.com' })]);
    const id = created.data!.upsertEmployees.rows[0].id!;
    await t.gql(
      UPSERT_LICENCES,
      {
        input: {
          rows: [
            {
              employeeExternalId: 'r-1',
              state: 'OH',
              kind: 'TECHNICIAN_REGISTRATION',
              number: 'OH-1',
              validFrom: '2024-01-01',
            },
          ],
        },
      },
      hr,
    );
    const query = `query($id: ID!) { employee(id: $id) { name email contract { maxHoursPerWeek hourlyRate } licences { state number } } }`;
    const own = await t.gql<{
      employee: {
        name: string;
        email: string | null;
        contract: { hourlyRate: number | null };
        licences: { number: string | null }[];
      };
    }>(query, { id }, t.token(Role.TECHNICIAN, 'r1', id));
    expect(own.data?.employee.name).toBe('Tech r-1');
    expect(own.data?.employee.email).toBeNull();
    expect(own.data?.employee.contract.hourlyRate).toBeNull();
    expect(own.data?.employee.licences[0]?.number).toBeNull();
    expect(own.errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    const other = await t.gql(
      query,
      { id },
      t.token(Role.TECHNICIAN, 'someone-else', '00000000-0000-4000-8000-000000000000'),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const manager = await t.gql<{ employee: { contract: { hourlyRate: number } } }>(
      query,
      { id },
      t.token(Role.MANAGER),
    );
    expect(manager.errors).toBeUndefined();
    expect(manager.data?.employee.contract.hourlyRate).toBe(24.5);
  });
});

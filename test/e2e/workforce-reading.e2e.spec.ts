import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { databaseFingerprint } from '../support/db-snapshot.js';

let t: TestApp;
let hr: string;
let manager: string;
const STATES = ['NC', 'MA', 'GA', 'CA', 'OH', 'IA', 'NM', 'IL', 'AZ', 'TX', 'NY'];

interface Page {
  employees: {
    edges: { cursor: string; node: { externalId: string; licences: { state: string }[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const PAGE = `query($first: Int!, $after: String, $filter: EmployeeFilter) {
  employees(first: $first, after: $after, filter: $filter) {
    edges { cursor node { externalId licences { state validUntil } certifications { kind } availability { dayOfWeek start end } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function bulk(mutation: string, rows: object[]) {
  const res = await t.gql<Record<string, { rejected: number; applied: boolean }>>(
    mutation,
    { input: { rows } },
    hr,
  );
  expect(res.errors).toBeUndefined();
  expect(Object.values(res.data!)[0].rejected).toBe(0);
}

beforeAll(async () => {
  t = await createTestApp();
  hr = t.token(Role.HR_SYSTEM, 'hr');
  manager = t.token(Role.MANAGER, 'manager');
  await t.gql(
    `mutation { upsertQueue(input: { key: "claims", name: "Claims", taskType: INSURANCE_CLAIMS, channel: DEFERRED, ahtSeconds: 600, deadlineMinutes: 1440, states: ["NC", "MA"] }) { id } }`,
    undefined,
    manager,
  );
  const employees = Array.from({ length: 520 }, (_, i) => ({
    externalId: `e-${String(i).padStart(4, '0')}`,
    role: i % 5 === 0 ? 'PHARMACIST' : 'TECHNICIAN',
    name: `Employee ${i}`,
    timeZone: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'][
      i % 4
    ],
    hireDate: '2023-01-15',
    hourlyRate: 20 + (i % 30),
    active: i % 17 !== 0,
    skills: i % 3 === 0 ? ['claims'] : [],
  }));
  await bulk(
    `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { rejected applied } }`,
    employees,
  );
  const licences = employees.flatMap((e, i) => [
    {
      employeeExternalId: e.externalId,
      state: STATES[i % STATES.length],
      kind: e.role === 'PHARMACIST' ? 'PHARMACIST_LICENCE' : 'TECHNICIAN_REGISTRATION',
      number: `L-${i}`,
      validFrom: '2020-01-01',
      validUntil: i % 10 === 1 ? '2025-01-01' : null,
    },
    ...(i % 7 === 0 && STATES[i % STATES.length] !== 'NY'
      ? [
          {
            employeeExternalId: e.externalId,
            state: 'NY',
            kind: e.role === 'PHARMACIST' ? 'PHARMACIST_LICENCE' : 'TECHNICIAN_LICENCE',
            number: `NY-${i}`,
            validFrom: '2021-06-01',
          },
        ]
      : []),
  ]);
  await bulk(
    `mutation($input: UpsertLicencesInput!) { upsertLicences(input: $input) { rejected applied } }`,
    licences,
  );
  const certifications = employees
    .filter((_, i) => i % 2 === 1)
    .map((e) => ({
      employeeExternalId: e.externalId,
      kind: 'CPHT',
      obtained: '2022-05-01',
      expires: '2026-05-01',
    }));
  await bulk(
    `mutation($input: UpsertCertificationsInput!) { upsertCertifications(input: $input) { rejected applied } }`,
    certifications,
  );
});
afterAll(async () => {
  await t.close();
});

describe('listing employees', () => {
  it('reads 500 employees with licences, certifications and availability in a bounded number of queries', async () => {
    let queries = 0;
    const original = PostgresQueryRunner.prototype.query;
    PostgresQueryRunner.prototype.query = function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof original>
    ) {
      queries++;
      return original.apply(this, args);
    } as typeof original;
    try {
      const res = await t.gql<Page>(PAGE, { first: 500 }, hr);
      expect(res.errors).toBeUndefined();
      expect(res.data?.employees.edges).toHaveLength(500);
      expect(res.data?.employees.edges.some((e) => e.node.licences.length === 2)).toBe(true);
    } finally {
      PostgresQueryRunner.prototype.query = original;
    }
    expect(queries).toBeLessThanOrEqual(4); // the page, then one batch per relation
  });

  it('pages through everyone exactly once, in a stable order, while rows are inserted concurrently', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let inserted = 0;
    do {
      const res: { data?: Page | null } = await t.gql<Page>(PAGE, { first: 37, after }, hr);
      const page: Page['employees'] = res.data!.employees;
      seen.push(...page.edges.map((e) => e.node.externalId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      await t.gql(
        `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { created } }`,
        {
          input: {
            rows: [
              {
                externalId: `late-${inserted++}`,
                role: 'TECHNICIAN',
                name: 'Late',
                timeZone: 'America/Chicago',
                hireDate: '2026-01-01',
                hourlyRate: 20,
              },
            ],
          },
        },
        hr,
      );
    } while (after);
    const original = seen.filter((id) => id.startsWith('e-'));
    expect(original).toHaveLength(520);
    expect(new Set(seen).size).toBe(seen.length);
    expect(original).toEqual([...original].sort());
  });

  it.each([
    [{ role: 'PHARMACIST' }, (i: number) => i % 5 === 0],
    [{ active: false }, (i: number) => i % 17 === 0],
    [{ skill: 'claims' }, (i: number) => i % 3 === 0],
    [
      { licensedIn: 'GA', licensedOn: '2026-12-07' },
      (i: number) => i % STATES.length === 2 && i % 10 !== 1,
    ],
    [{ licensedIn: 'NY' }, (i: number) => (i % STATES.length === 10 ? i % 10 !== 1 : i % 7 === 0)],
  ])('filters by %j', async (filter, expected) => {
    const res = await t.gql<Page>(PAGE, { first: 500, filter }, hr);
    const ids = res
      .data!.employees.edges.map((e) => e.node.externalId)
      .filter((id) => id.startsWith('e-'));
    const want = Array.from({ length: 520 }, (_, i) => i)
      .filter(expected)
      .map((i) => `e-${String(i).padStart(4, '0')}`);
    expect(ids).toEqual(want.slice(0, 500));
  });

  it('filters by updatedSince', async () => {
    const cutoff = new Date(Date.now() - 1000).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const marker = new Date().toISOString();
    await t.gql(
      `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { updated } }`,
      {
        input: {
          rows: [
            {
              externalId: 'e-0003',
              role: 'TECHNICIAN',
              name: 'Renamed',
              timeZone: 'America/Los_Angeles',
              hireDate: '2023-01-15',
              hourlyRate: 23,
              skills: ['claims'],
            },
          ],
        },
      },
      hr,
    );
    const res = await t.gql<Page>(PAGE, { first: 500, filter: { updatedSince: marker } }, hr);
    expect(res.data!.employees.edges.map((e) => e.node.externalId)).toEqual(['e-0003']);
    expect(cutoff < marker).toBe(true);
  });

  it('rejects a bad cursor, page size and filter with VALIDATION_FAILED', async () => {
    for (const variables of [
      { first: 10, after: 'garbage' },
      { first: 0 },
      { first: 501 },
      { first: 10, filter: { licensedIn: 'ZZ' } },
    ]) {
      const res = await t.gql(PAGE, variables, hr);
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
  });

  it('finds records through node(id), keeping personal ones private', async () => {
    const page = await t.gql<{ employees: { edges: { node: { id: string } }[] } }>(
      `{ employees(first: 1) { edges { node { id } } } }`,
      undefined,
      hr,
    );
    const id = page.data!.employees.edges[0].node.id;
    const query = `query($id: ID!) { node(id: $id) { __typename id ... on Employee { externalId } } }`;
    const found = await t.gql<{ node: { __typename: string; externalId: string } }>(
      query,
      { id },
      manager,
    );
    expect(found.data?.node).toMatchObject({ __typename: 'Employee', externalId: 'e-0000' });
    const stranger = await t.gql(
      query,
      { id },
      t.token(Role.TECHNICIAN, 'x', '00000000-0000-4000-8000-000000000001'),
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await t.gql<{ node: null }>(
      query,
      { id: '00000000-0000-4000-8000-00000000abcd' },
      manager,
    );
    expect(missing.data?.node).toBeNull();
    const malformed = await t.gql(query, { id: 'nope' }, manager);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('availability and time off', () => {
  let employeeId: string;
  beforeAll(async () => {
    const page = await t.gql<{ employees: { edges: { node: { id: string } }[] } }>(
      `{ employees(first: 1, filter: { role: TECHNICIAN }) { edges { node { id } } } }`,
      undefined,
      hr,
    );
    employeeId = page.data!.employees.edges[0].node.id;
  });
  const SET = `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { dayOfWeek start end endOfDay } }`;

  it('replaces the weekly windows, and lets employees set only their own', async () => {
    const windows = [
      { dayOfWeek: 1, start: '08:00', end: '12:00' },
      { dayOfWeek: 1, start: '13:00' },
      { dayOfWeek: 5, start: '09:00', end: '17:30' },
    ];
    const own = await t.gql<{ setAvailability: object[] }>(
      SET,
      { input: { employeeId, windows } },
      t.token(Role.TECHNICIAN, 'me', employeeId),
    );
    expect(own.data?.setAvailability).toEqual([
      { dayOfWeek: 1, start: '08:00', end: '12:00', endOfDay: false },
      { dayOfWeek: 1, start: '13:00', end: null, endOfDay: true },
      { dayOfWeek: 5, start: '09:00', end: '17:30', endOfDay: false },
    ]);
    const other = await t.gql(
      SET,
      { input: { employeeId, windows } },
      t.token(Role.TECHNICIAN, 'x', '00000000-0000-4000-8000-000000000001'),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [
      'overlapping windows',
      [
        { dayOfWeek: 2, start: '08:00', end: '12:00' },
        { dayOfWeek: 2, start: '11:00', end: '15:00' },
      ],
      'input.windows[1]',
    ],
    [
      'an end before its start',
      [{ dayOfWeek: 3, start: '12:00', end: '08:00' }],
      'input.windows[0].end',
    ],
    [
      'a day of week 8',
      [{ dayOfWeek: 8, start: '08:00', end: '09:00' }],
      'input.windows[0].dayOfWeek',
    ],
    ['a malformed local time', [{ dayOfWeek: 3, start: '25:00', end: '26:00' }], undefined],
  ])('rejects %s, writing nothing', async (_label, windows, field) => {
    const before = await databaseFingerprint(t.database.url);
    const res = await t.gql(SET, { input: { employeeId, windows } }, manager);
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await databaseFingerprint(t.database.url)).toEqual(before);
  });

  const REQUEST = `mutation($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id status requestedBy } }`;
  const DECIDE = `mutation($input: DecideTimeOffInput!) { decideTimeOff(input: $input) { status decidedBy } }`;

  it('takes a request from the employee and a decision from a manager, once', async () => {
    const requested = await t.gql<{ requestTimeOff: { id: string; status: string } }>(
      REQUEST,
      {
        input: {
          employeeId,
          start: '2026-12-24T00:00:00-05:00',
          end: '2026-12-27T00:00:00-05:00',
          reason: 'Holidays',
        },
      },
      t.token(Role.TECHNICIAN, 'me', employeeId),
    );
    expect(requested.data?.requestTimeOff.status).toBe('REQUESTED');
    const id = requested.data!.requestTimeOff.id;
    const approved = await t.gql<{ decideTimeOff: object }>(
      DECIDE,
      { input: { id, approve: true } },
      manager,
    );
    expect(approved.data?.decideTimeOff).toEqual({ status: 'APPROVED', decidedBy: 'manager' });
    const twice = await t.gql(DECIDE, { input: { id, approve: false } }, manager);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const selfApproval = await t.gql(
      DECIDE,
      { input: { id, approve: true } },
      t.token(Role.TECHNICIAN, 'me', employeeId),
    );
    expect(selfApproval.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [
      'an end before its start',
      { start: '2026-12-24T10:00:00Z', end: '2026-12-24T09:00:00Z' },
      'input.end',
    ],
    [
      'a reason of 100 000 characters',
      { start: '2026-12-24T10:00:00Z', end: '2026-12-24T12:00:00Z', reason: 'x'.repeat(100_000) },
      'input.reason',
    ],
    [
      'an unknown employee',
      {
        employeeId: '00000000-0000-4000-8000-000000000009',
        start: '2026-12-24T10:00:00Z',
        end: '2026-12-24T12:00:00Z',
      },
      'input.employeeId',
    ],
  ])('rejects time off with %s, writing nothing', async (_label, input, field) => {
    const before = await databaseFingerprint(t.database.url);
    const res = await t.gql(REQUEST, { input: { employeeId, ...input } }, manager);
    expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(res.errors?.[0]?.extensions?.code);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(JSON.stringify(res).length).toBeLessThan(2000);
    expect(await databaseFingerprint(t.database.url)).toEqual(before);
  });
});

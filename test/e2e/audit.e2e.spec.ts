import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
let employeeId: string;
interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}
interface EntityChange {
  entityType: string;
  entityId: string;
  action: string;
  fields: FieldChange[];
}
interface Event {
  kind: string;
  operation: string;
  subject: string;
  roles: string[];
  outcome: string;
  entityIds: string[];
  detail: string;
  requestId: string | null;
  changes: EntityChange[];
}
const EVENTS = `query($filter: AuditFilter) { auditEvents(first: 100, filter: $filter) { edges { node { kind operation subject roles outcome entityIds detail requestId changes { entityType entityId action fields { field oldValue newValue } } } } } }`;

async function events(filter: Record<string, unknown> = {}): Promise<Event[]> {
  const res = await t.gql<{ auditEvents: { edges: { node: Event }[] } }>(
    EVENTS,
    { filter },
    t.token(Role.ADMIN, 'auditor'),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.auditEvents.edges.map((e) => e.node);
}

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.gql<{ upsertEmployees: { rows: { id: string }[] } }>(
    `mutation { upsertEmployees(input: { rows: [{ externalId: "A-1", role: TECHNICIAN, name: "Audited", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: 30 }] }) { rows { id } } }`,
    undefined,
    t.token(Role.HR_SYSTEM, 'hr-system'),
  );
  employeeId = res.data!.upsertEmployees.rows[0].id;
});
afterAll(async () => {
  await t.close();
});

describe('audit trail', () => {
  it('records each mutation with who, what, the ids touched and the outcome', async () => {
    await t.gql(
      `mutation { upsertEmployees(input: { rows: [{ externalId: "A-2", role: TECHNICIAN, name: "Bad", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: 30 }, { externalId: "A-2", role: TECHNICIAN, name: "Dup", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: 30 }] }) { created } }`,
      undefined,
      t.token(Role.HR_SYSTEM, 'hr-system'),
    );
    const recorded = await events({ subject: 'hr-system' });
    expect(recorded.map((e) => [e.kind, e.operation, e.outcome])).toEqual([
      ['MUTATION', 'upsertEmployees', 'OK'],
      ['MUTATION', 'upsertEmployees', 'VALIDATION_FAILED'],
    ]);
    expect(recorded[0].entityIds).toContain(employeeId);
    expect(JSON.parse(recorded[0].detail)).toMatchObject({
      arguments: { input: { rows: [{ externalId: 'A-1' }] } },
    });
  });

  it('records reads of personnel data, with the fields and whose they were', async () => {
    await t.gql(
      `query($id: ID!) { employee(id: $id) { name email contract { hourlyRate } } }`,
      { id: employeeId },
      t.token(Role.MANAGER, 'curious-manager'),
    );
    const reads = await events({ subject: 'curious-manager' });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ kind: 'READ', entityIds: [employeeId] });
    expect(JSON.parse(reads[0].detail)).toEqual({
      fields: ['Employee.email', 'EmploymentContract.hourlyRate'],
    });
    expect((await events({ entityId: employeeId })).length).toBeGreaterThanOrEqual(2);
  });

  it('is readable by administrators only (an HR system can write employees but not read the trail)', async () => {
    for (const role of [Role.HR_SYSTEM, Role.MANAGER, Role.TECHNICIAN]) {
      const res = await t.gql(EVENTS, {}, t.token(role));
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses updates and deletes in the database itself; only the retention purge removes old entries', async () => {
    const db = t.app.get(DataSource);
    await expect(db.query(`UPDATE audit_event SET subject = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await db.query(
      `INSERT INTO audit_event (occurred_at, subject, kind, operation, outcome) VALUES (now() - interval '7 years', 'old', 'MUTATION', 'x', 'OK')`,
    );
    expect(await t.app.get(AuditService).purgeExpired()).toBe(1);
    expect(await events({ subject: 'old' })).toEqual([]);
    expect((await events({ subject: 'hr-system' })).length).toBe(2);
  });
});

/** Old and new values, parsed back from their JSON. */
function valuesOf(change: EntityChange | undefined): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    (change?.fields ?? []).map((f) => [
      f.field,
      [
        f.oldValue === null ? undefined : JSON.parse(f.oldValue),
        f.newValue === null ? undefined : JSON.parse(f.newValue),
      ],
    ]),
  );
}

describe('audit trail: personnel changes with old and new values', () => {
  const HR = 'hr-editor';
  const employeeRow = (hourlyRate: number, email?: string) =>
    `{ externalId: "P-1", role: TECHNICIAN, name: "Paid", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: ${hourlyRate}${email ? `, email: "${email}"` : ''} }`;
  const upsertEmployee = (row: string, allOrNothing = false) =>
    t.gql<{
      upsertEmployees: { applied: boolean; rows: { id: string | null; outcome: string }[] };
    }>(
      `mutation { upsertEmployees(input: { allOrNothing: ${allOrNothing}, rows: [${row}] }) { applied rows { id outcome } } }`,
      undefined,
      t.token(Role.HR_SYSTEM, HR),
    );
  const upsertLicence = (number: string) =>
    t.gql<{ upsertLicences: { rows: { id: string; outcome: string }[] } }>(
      `mutation { upsertLicences(input: { rows: [{ employeeExternalId: "P-1", state: "OH", kind: TECHNICIAN_REGISTRATION, number: "${number}", validFrom: "2024-01-01" }] }) { rows { id outcome } } }`,
      undefined,
      t.token(Role.HR_SYSTEM, HR),
    );
  const lastEvent = async (operation: string): Promise<Event> => {
    const recorded = (await events({ subject: HR })).filter((e) => e.operation === operation);
    expect(recorded.length).toBeGreaterThan(0);
    return recorded[recorded.length - 1];
  };
  let paidId: string;

  it('records a created employee with every value it was given, pay included', async () => {
    const created = await upsertEmployee(employeeRow(30));
    expect(created.data?.upsertEmployees.rows[0].outcome).toBe('CREATED');
    paidId = created.data!.upsertEmployees.rows[0].id!;
    const event = await lastEvent('upsertEmployees');
    expect(event.changes).toHaveLength(1);
    expect(event.changes[0]).toMatchObject({
      entityType: 'Employee',
      entityId: paidId,
      action: 'CREATED',
    });
    expect(valuesOf(event.changes[0])).toMatchObject({
      externalId: [undefined, 'P-1'],
      hourlyRate: [undefined, 30],
      name: [undefined, 'Paid'],
    });
    expect(valuesOf(event.changes[0])).not.toHaveProperty('email');
  });

  it('records an update of pay and contact data as old and new values of exactly those fields', async () => {
    const updated = await upsertEmployee(employeeRow(34.5, 'paid@example.org'));
    expect(updated.data?.upsertEmployees.rows[0].outcome).toBe('UPDATED');
    const event = await lastEvent('upsertEmployees');
    expect(event.outcome).toBe('OK');
    expect(event.entityIds).toContain(paidId);
    expect(event.changes).toEqual([
      {
        entityType: 'Employee',
        entityId: paidId,
        action: 'UPDATED',
        fields: [
          { field: 'email', oldValue: 'null', newValue: '"paid@example.org"' },
          { field: 'hourlyRate', oldValue: '30', newValue: '34.5' },
        ],
      },
    ]);
    // An administrator finds the change by the employee's id.
    const byEntity = await events({ entityId: paidId });
    expect(byEntity.some((e) => e.changes.some((c) => c.action === 'UPDATED'))).toBe(true);
  });

  it('records a no-op update as a mutation that changed nothing', async () => {
    const again = await upsertEmployee(employeeRow(34.5, 'paid@example.org'));
    expect(again.data?.upsertEmployees.rows[0].outcome).toBe('UNCHANGED');
    const event = await lastEvent('upsertEmployees');
    expect(event.outcome).toBe('OK');
    expect(event.changes).toEqual([]);
  });

  it('records nothing as changed when all-or-nothing rolled the write back', async () => {
    const before = (await events({ subject: HR })).length;
    const refused = await upsertEmployee(
      `${employeeRow(99)}, { externalId: "P-2", role: TECHNICIAN, name: "Bad", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: 20, minHoursPerWeek: 50, maxHoursPerWeek: 40 }`,
      true,
    );
    expect(refused.data?.upsertEmployees.applied).toBe(false);
    const recorded = await events({ subject: HR });
    expect(recorded).toHaveLength(before + 1);
    expect(recorded[recorded.length - 1].changes).toEqual([]);
  });

  it('records a licence number changing, with the old and the new number', async () => {
    const created = await upsertLicence('OH-100');
    const licenceId = created.data!.upsertLicences.rows[0].id;
    expect((await lastEvent('upsertLicences')).changes[0]).toMatchObject({
      entityType: 'Licence',
      entityId: licenceId,
      action: 'CREATED',
    });
    const renumbered = await upsertLicence('OH-200');
    expect(renumbered.data?.upsertLicences.rows[0].outcome).toBe('UPDATED');
    expect((await lastEvent('upsertLicences')).changes).toEqual([
      {
        entityType: 'Licence',
        entityId: licenceId,
        action: 'UPDATED',
        fields: [{ field: 'number', oldValue: '"OH-100"', newValue: '"OH-200"' }],
      },
    ]);
    await upsertLicence('OH-200');
    expect((await lastEvent('upsertLicences')).changes).toEqual([]);
  });

  it('records availability and time off as they change', async () => {
    const manager = t.token(Role.MANAGER, HR);
    const setAvailability = (end: string) =>
      t.gql(
        `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { dayOfWeek } }`,
        { input: { employeeId: paidId, windows: [{ dayOfWeek: 1, start: '09:00', end }] } },
        manager,
      );
    expect((await setAvailability('17:00')).errors).toBeUndefined();
    expect((await setAvailability('18:00')).errors).toBeUndefined();
    expect(valuesOf((await lastEvent('setAvailability')).changes[0])).toEqual({
      availability: [
        [{ dayOfWeek: 1, start: '09:00', end: '17:00', endOfDay: false }],
        [{ dayOfWeek: 1, start: '09:00', end: '18:00', endOfDay: false }],
      ],
    });
    const requested = await t.gql<{ requestTimeOff: { id: string } }>(
      `mutation($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id } }`,
      {
        input: {
          employeeId: paidId,
          start: '2026-12-24T00:00:00Z',
          end: '2026-12-25T00:00:00Z',
          reason: 'Family',
        },
      },
      manager,
    );
    const timeOffId = requested.data!.requestTimeOff.id;
    const creation = (await lastEvent('requestTimeOff')).changes[0];
    expect(creation).toMatchObject({
      entityType: 'TimeOff',
      entityId: timeOffId,
      action: 'CREATED',
    });
    expect(valuesOf(creation)).toMatchObject({
      start: [undefined, '2026-12-24T00:00:00.000Z'],
      reason: [undefined, 'Family'],
      status: [undefined, 'REQUESTED'],
    });
    await t.gql(
      `mutation($input: DecideTimeOffInput!) { decideTimeOff(input: $input) { status } }`,
      { input: { id: timeOffId, approve: false } },
      manager,
    );
    const decision = valuesOf((await lastEvent('decideTimeOff')).changes[0]);
    expect(decision.status).toEqual(['REQUESTED', 'REJECTED']);
    expect(decision.decidedBy).toEqual([null, HR]);
  });
});

describe('audit trail: calls the access guard refused', () => {
  it('records a call without a token as REFUSED UNAUTHENTICATED, by an anonymous caller', async () => {
    const res = await t.gql(`query($id: ID!) { employee(id: $id) { name } }`, { id: employeeId });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refused = (await events({ subject: 'anonymous' })).filter((e) => e.kind === 'REFUSED');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      operation: 'employee',
      outcome: 'UNAUTHENTICATED',
      entityIds: [employeeId],
      changes: [],
    });
    expect(refused[0].requestId).toEqual(expect.any(String));
  });

  it('records a caller whose role may not perform the operation as REFUSED FORBIDDEN, by name', async () => {
    const res = await t.gql(
      `mutation { upsertEmployees(input: { rows: [] }) { created } }`,
      undefined,
      t.token(Role.TECHNICIAN, 'curious-technician'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const recorded = await events({ subject: 'curious-technician' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: 'REFUSED',
      operation: 'upsertEmployees',
      outcome: 'FORBIDDEN',
      roles: ['TECHNICIAN'],
    });
    expect(JSON.parse(recorded[0].detail)).toEqual({
      reason: expect.stringMatching(/may not perform this operation/),
    });
  });

  it('records a forged token as REFUSED UNAUTHENTICATED', async () => {
    const before = (await events({ subject: 'anonymous' })).length;
    const res = await t.gql('{ viewer { subject } }', undefined, 'not-a-valid-token');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await events({ subject: 'anonymous' });
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({
      kind: 'REFUSED',
      operation: 'viewer',
      outcome: 'UNAUTHENTICATED',
    });
  });
});

describe('audit trail: refusals inside a query', () => {
  it('records an ownership refusal in a resolver as REFUSED, with the path and the reason', async () => {
    const otherEmployee = '00000000-0000-4000-8000-0000000000aa';
    const res = await t.gql(
      `query($id: ID!) { employee(id: $id) { name } }`,
      { id: employeeId },
      t.token(Role.TECHNICIAN, 'nosy-technician', otherEmployee),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const recorded = await events({ subject: 'nosy-technician' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: 'REFUSED',
      operation: 'employee',
      outcome: 'FORBIDDEN',
      roles: ['TECHNICIAN'],
    });
    expect(recorded[0].requestId).toEqual(expect.any(String));
    expect(JSON.parse(recorded[0].detail)).toEqual({
      path: 'employee',
      reason: expect.any(String),
    });
  });

  it('records a personnel field the role may not read as REFUSED; the rest of the answer stands', async () => {
    const res = await t.gql<{ me: { name: string } }>(
      `query Mine { me { name email } }`,
      undefined,
      t.token(Role.TECHNICIAN, 'own-record-reader', employeeId),
    );
    expect(res.data?.me.name).toEqual(expect.any(String));
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['me', 'email'], 'FORBIDDEN'],
    ]);
    const recorded = await events({ subject: 'own-record-reader' });
    expect(recorded.filter((e) => e.kind === 'REFUSED')).toEqual([
      expect.objectContaining({ operation: 'Mine', outcome: 'FORBIDDEN' }),
    ]);
    expect(JSON.parse(recorded.find((e) => e.kind === 'REFUSED')!.detail)).toMatchObject({
      path: 'me.email',
    });
  });
});

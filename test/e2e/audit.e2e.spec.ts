import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
let employeeId: string;
interface Event {
  kind: string;
  operation: string;
  subject: string;
  outcome: string;
  entityIds: string[];
  detail: string;
}
const EVENTS = `query($filter: AuditFilter) { auditEvents(first: 100, filter: $filter) { edges { node { kind operation subject roles outcome entityIds detail requestId } } } }`;

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

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isObjectType,
  isScalarType,
  isEnumType,
  type GraphQLObjectType,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config/app-config.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

const PERSONNEL_TYPES = ['Employee', 'EmploymentContract', 'Licence'];

async function policyTable(): Promise<Map<string, Role[]>> {
  const text = await readFile(join(PROJECT_ROOT, 'docs', 'security.md'), 'utf8');
  const rows = [...text.matchAll(/^\|\s*`(\w+\.\w+)`\s*\|\s*([A-Z_, ]+?)\s*\|$/gm)];
  return new Map(rows.map((m) => [m[1], m[2].split(',').map((r) => r.trim() as Role)]));
}

function scalarFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)))
    .map((f) => f.name);
}

let t: TestApp;
let employeeId: string;
beforeAll(async () => {
  t = await createTestApp();
  const hr = t.token(Role.HR_SYSTEM, 'hr');
  const res = await t.gql<{ upsertEmployees: { rows: { id: string }[] } }>(
    `mutation { upsertEmployees(input: { rows: [{ externalId: "S-1", role: TECHNICIAN, name: "Private", email: "p@example.org", timeZone: "America/Chicago", hireDate: "2024-01-01", hourlyRate: 25 }] }) { rows { id } } }`,
    undefined,
    hr,
  );
  employeeId = res.data!.upsertEmployees.rows[0].id;
  await t.gql(
    `mutation { upsertLicences(input: { rows: [{ employeeExternalId: "S-1", state: "OH", kind: TECHNICIAN_REGISTRATION, number: "OH-7", validFrom: "2024-01-01" }] }) { created } }`,
    undefined,
    hr,
  );
});
afterAll(async () => {
  await t.close();
});

describe('field-level access matches docs/security.md', () => {
  it('refuses exactly the listed personnel fields to every role not listed, and nothing else', async () => {
    const table = await policyTable();
    expect(table.size).toBeGreaterThan(0);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const type = (name: string) => schema.getType(name) as GraphQLObjectType;
    for (const name of PERSONNEL_TYPES) expect(isObjectType(type(name))).toBe(true);
    const query = `query($id: ID!) { employee(id: $id) { ${scalarFields(type('Employee')).join(' ')} contract { ${scalarFields(type('EmploymentContract')).join(' ')} } licences { ${scalarFields(type('Licence')).join(' ')} } } }`;
    const callers: [Role, string][] = [
      [Role.ADMIN, t.token(Role.ADMIN)],
      [Role.MANAGER, t.token(Role.MANAGER)],
      [Role.HR_SYSTEM, t.token(Role.HR_SYSTEM)],
      [Role.TECHNICIAN, t.token(Role.TECHNICIAN, 'self', employeeId)],
    ];
    const typeOfPath: Record<string, string> = {
      employee: 'Employee',
      contract: 'EmploymentContract',
      licences: 'Licence',
    };
    for (const [role, token] of callers) {
      const res = await t.gql(query, { id: employeeId }, token);
      const refused = new Set(
        (res.errors ?? []).map((e) => {
          expect(e.extensions?.code).toBe('FORBIDDEN');
          const path = (e.path ?? []).filter((p) => typeof p === 'string');
          return `${typeOfPath[path.at(-2)!]}.${path.at(-1)}`;
        }),
      );
      const expected = new Set(
        [...table].filter(([, readers]) => !readers.includes(role)).map(([field]) => field),
      );
      expect([...refused].sort()).toEqual([...expected].sort());
    }
  });

  it('lists only fields that exist', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const field of (await policyTable()).keys()) {
      const [typeName, fieldName] = field.split('.') as [string, string];
      expect(Object.keys((schema.getType(typeName) as GraphQLObjectType).getFields())).toContain(
        fieldName,
      );
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { databaseFingerprint, rowCounts } from '../support/db-snapshot.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sample data', () => {
  it('publishes the sample rule sets once, marked as samples with their citations', async () => {
    const seeder = t.app.get(SampleOrganisationSeeder);
    expect(await seeder.seedSampleRules()).toBe(9);
    expect(await seeder.seedSampleRules()).toBe(0);
    const res = await t.gql<{
      jurisdictionRuleSets: {
        state: string;
        isSample: boolean;
        citation: string;
        confidenceNote: string;
      }[];
    }>(
      `{ jurisdictionRuleSets { state isSample citation confidenceNote } }`,
      undefined,
      t.token(Role.MANAGER),
    );
    const rules = res.data!.jurisdictionRuleSets;
    expect(rules.map((r) => r.state).sort()).toEqual([
      'AZ',
      'CA',
      'GA',
      'IA',
      'IL',
      'MA',
      'NC',
      'NM',
      'OH',
    ]);
    expect(
      rules.every((r) => r.isSample && r.citation.length > 0 && /verify/i.test(r.confidenceNote)),
    ).toBe(true);
  });

  it('loads a sample organisation idempotently', async () => {
    const seeder = t.app.get(SampleOrganisationSeeder);
    expect(await seeder.isEmpty()).toBe(true);
    const org = await seeder.seedOrganisation('small', 3, '2026-12-07');
    expect(await seeder.isEmpty()).toBe(false);
    const before = await databaseFingerprint(t.database.url);
    const countsBefore = await rowCounts(t.database.url);
    await seeder.seedOrganisation('small', 3, '2026-12-07');
    const after = await databaseFingerprint(t.database.url);
    expect(await rowCounts(t.database.url)).toEqual(countsBefore);
    for (const table of [
      'licence',
      'certification',
      'forecast',
      'time_off',
      'availability_window',
      'jurisdiction_rule_set',
    ]) {
      expect(after[table]).toBe(before[table]);
    }
    expect(org.employees).toHaveLength(19);
  });

  it('loads the sample organisation through GraphQL, for administrators only', async () => {
    const mutation = `mutation($input: LoadSampleOrganisationInput!) { loadSampleOrganisation(input: $input) { employees licences queues ruleSets forecastRows } }`;
    const input = { size: 'small', week: '2026-12-14', seed: 8 };
    const refused = await t.gql(mutation, { input }, t.token(Role.MANAGER));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const loaded = await t.gql<{
      loadSampleOrganisation: { employees: number; forecastRows: number };
    }>(mutation, { input }, t.token(Role.ADMIN));
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data?.loadSampleOrganisation.employees).toBeGreaterThan(0);
    const bad = await t.gql(mutation, { input: { ...input, size: 'huge' } }, t.token(Role.ADMIN));
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'input.size',
    });
  });
});

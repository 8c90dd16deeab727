import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateInstance } from '../../src/core/generator/index.js';
import { sampleOrganisation } from '../../src/planning/sample-organisation.js';
import { loadOrganisationOverGraphQL } from '../support/load-organisation.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a realistic organisation, through GraphQL alone', () => {
  it('loads 480 employees in 20 states with licences, rules, queues and a week of forecasts, and reads them back', async () => {
    const instance = generateInstance('large', 7, { weekStart: '2026-12-07' });
    const org = sampleOrganisation(instance);
    const tokens = {
      admin: t.token(Role.ADMIN, 'admin'),
      manager: t.token(Role.MANAGER, 'manager'),
      hr: t.token(Role.HR_SYSTEM, 'hr'),
    };
    const started = Date.now();
    const ids = await loadOrganisationOverGraphQL(t, org, tokens);
    const seconds = (Date.now() - started) / 1000;
    expect(ids.size).toBe(instance.employees.length);
    expect(instance.employees.length).toBeGreaterThanOrEqual(400);
    expect(new Set(org.licences.map((l) => l.state)).size).toBeGreaterThanOrEqual(10);

    const states = await t.gql<{ jurisdictionRuleSets: { state: string }[] }>(
      `{ jurisdictionRuleSets { state } }`,
      undefined,
      tokens.manager,
    );
    expect(states.errors).toBeUndefined();
    expect(states.data!.jurisdictionRuleSets).toHaveLength(org.ruleSets.length);
    const licensedInFirstState = org.licences.filter(
      (l) =>
        l.state === org.licences[0].state &&
        (l.validUntil ?? '9999') >= '2026-12-07' &&
        l.validFrom <= '2026-12-07',
    );
    const filtered = await t.gql<{ employees: { edges: unknown[] } }>(
      `query($s: String!) { employees(first: 500, filter: { licensedIn: $s, licensedOn: "2026-12-07" }) { edges { node { id } } } }`,
      { s: org.licences[0].state },
      tokens.hr,
    );
    expect(filtered.data!.employees.edges).toHaveLength(
      new Set(licensedInFirstState.map((l) => l.employeeExternalId)).size,
    );
    const requirement = await t.gql<{ staffingRequirements: { totalVolume: number } }>(
      `query($q: String!, $s: String!) { staffingRequirements(week: "2026-12-07", queueKey: $q, state: $s) { totalVolume } }`,
      { q: org.forecast.rows[0].queueKey, s: org.forecast.rows[0].state },
      tokens.manager,
    );
    expect(requirement.data!.staffingRequirements.totalVolume).toBeGreaterThan(0);
    console.info(
      `loaded ${ids.size} employees, ${org.licences.length} licences, ${org.forecast.rows.length} forecast rows over GraphQL in ${seconds.toFixed(1)} s`,
    );
  }, 180_000);
});

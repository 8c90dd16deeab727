import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../src/core/checker/index.js';
import { generateInstance, minimumHoursRoster } from '../../src/core/generator/index.js';
import { assertValidInstance } from '../../src/core/model/index.js';
import { PlanningInstanceLoader } from '../../src/planning/planning-instance.loader.js';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.get(SampleOrganisationSeeder).seedOrganisation('small', 5, '2026-10-26');
});
afterAll(async () => {
  await t.close();
});

describe('planning instance from the database', () => {
  it('reads back what was stored as a valid planning instance for a DST week', async () => {
    const generated = generateInstance('small', 5, { weekStart: '2026-10-26' });
    const instance = await t.app.get(PlanningInstanceLoader).load('2026-10-26');
    expect(() => assertValidInstance(instance)).not.toThrow();
    expect(instance.week).toEqual({
      weekStart: '2026-10-26',
      timeZone: 'America/New_York',
      intervalMinutes: 30,
    });
    expect(instance.employees).toHaveLength(generated.employees.length);
    expect(instance.queues.map((q) => q.name).sort()).toEqual(
      generated.queues.map((q) => q.name).sort(),
    );
    expect(instance.ruleSets.map((r) => r.state).sort()).toEqual(
      generated.ruleSets.map((r) => r.state).sort(),
    );
    expect(instance.templates.map((t) => t.lengthsHours)).toEqual(
      expect.arrayContaining(generated.templates.map((t) => t.lengthsHours)),
    );
    const licences = (i: typeof instance) =>
      i.employees
        .flatMap((e) =>
          e.licences.map((l) => `${l.state}/${l.kind}/${l.validFrom}/${l.validUntil}`),
        )
        .sort();
    expect(licences(instance)).toEqual(licences(generated));
    expect(instance.demand.length).toBeGreaterThan(0);
    expect(Math.max(...instance.demand.map((d) => d.intervalIndex))).toBeLessThan(338);
  });

  it('yields an instance the checker accepts a feasible roster for', async () => {
    const instance = await t.app.get(PlanningInstanceLoader).load('2026-10-26');
    const witness = minimumHoursRoster(instance);
    expect(checkRoster(instance, witness).violations).toEqual([]);
  });

  it('rejects a week that does not start on a Monday', async () => {
    await expect(t.app.get(PlanningInstanceLoader).load('2026-10-27')).rejects.toThrow(
      /must be a Monday/,
    );
  });
});

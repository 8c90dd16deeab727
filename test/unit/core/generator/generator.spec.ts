import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../src/core/checker/check-roster.js';
import { INSTANCE_SIZES, SIZE_PROFILES } from '../../../../src/core/generator/catalog.js';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { Random } from '../../../../src/core/generator/prng.js';
import { minimumHoursRoster } from '../../../../src/core/generator/witness.js';
import { emptyRoster } from '../../../../src/core/model/roster.js';
import { instanceProblems } from '../../../../src/core/model/validate-instance.js';
import { isCertified } from '../../../../src/core/rules/credentials.js';
import { buildGrid, intervalStart } from '../../../../src/core/time/grid.js';
import { localDateTimeOf } from '../../../../src/core/time/zones.js';

const large = generateInstance('large', 2026);
const technicians = large.employees.filter((employee) => employee.role === 'TECHNICIAN');

describe('generateInstance: determinism', () => {
  it('the same seed gives a deep-equal instance, another seed a different one', () => {
    expect(generateInstance('small', 42)).toEqual(generateInstance('small', 42));
    expect(generateInstance('small', 43)).not.toEqual(generateInstance('small', 42));
  });

  it('instances survive structured cloning (worker threads) unchanged', () => {
    const instance = generateInstance('medium', 7);
    expect(structuredClone(instance)).toEqual(instance);
    expect(JSON.parse(JSON.stringify(instance))).toEqual(instance);
  });

  it('the PRNG is seeded and stays in range', () => {
    const [a, b] = [new Random(9), new Random(9)];
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(Array.from({ length: 200 }, () => a.int(1, 6)))).toEqual(
      new Set([1, 2, 3, 4, 5, 6]),
    );
  });
});

describe('generateInstance: sizes', () => {
  it.each(INSTANCE_SIZES.map((size) => [size]))(
    '%s has the counts of its profile and is valid',
    (size) => {
      const instance = size === 'large' ? large : generateInstance(size, 5);
      const profile = SIZE_PROFILES[size];
      const count = (role: string) =>
        instance.employees.filter((employee) => employee.role === role).length;
      expect(count('TECHNICIAN')).toBe(profile.technicians);
      expect(count('PHARMACIST')).toBe(profile.pharmacists);
      expect(new Set(instance.ruleSets.map((rules) => rules.state)).size).toBe(profile.states);
      expect(instance.queues).toHaveLength(profile.queues);
      expect(buildGrid(instance.week).count).toBe(336);
      expect(instanceProblems(instance)).toEqual([]);
    },
  );

  it('takes other counts for experiments (the large shape with a medium workforce)', () => {
    const profile = { technicians: 60, pharmacists: 12, states: 20, queues: 4 };
    const instance = generateInstance('medium', 5, { profile });
    const count = (role: string) =>
      instance.employees.filter((employee) => employee.role === role).length;
    expect([count('TECHNICIAN'), count('PHARMACIST')]).toEqual([60, 12]);
    expect(new Set(instance.ruleSets.map((rules) => rules.state)).size).toBe(20);
    expect(instance.queues).toHaveLength(4);
    expect(instance.id).toBe('medium-60t12p20s4q-5-2026-04-13');
    expect(instanceProblems(instance)).toEqual([]);
    expect(checkRoster(instance, minimumHoursRoster(instance)).violations).toEqual([]);
    expect(generateInstance('medium', 5, { profile })).toEqual(instance);
  });

  it('matches the issue: small 15/4/4/3, medium 80/20/10/3, large 400/80/20/4', () => {
    expect(SIZE_PROFILES.small).toEqual({ technicians: 15, pharmacists: 4, states: 4, queues: 3 });
    expect(SIZE_PROFILES.medium).toEqual({
      technicians: 80,
      pharmacists: 20,
      states: 10,
      queues: 3,
    });
    expect(SIZE_PROFILES.large).toEqual({
      technicians: 400,
      pharmacists: 80,
      states: 20,
      queues: 4,
    });
  });
});

describe('generateInstance: realism (large)', () => {
  it('spreads employees over the four US time zones', () => {
    const zones = new Set(large.employees.map((employee) => employee.timeZone));
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('America/Chicago');
    expect(zones).toContain('America/Denver');
    expect(zones).toContain('America/Los_Angeles');
  });

  it('mixes certification and keeps multi-state licences for a minority', () => {
    const certified = technicians.filter((employee) =>
      isCertified(employee, large.week.weekStart),
    ).length;
    expect(certified / technicians.length).toBeGreaterThan(0.4);
    expect(certified / technicians.length).toBeLessThan(0.8);
    const multiState = large.employees.filter(
      (employee) => new Set(employee.licences.map((l) => l.state)).size > 1,
    );
    expect(multiState.length / large.employees.length).toBeGreaterThan(0.1);
    expect(multiState.length / large.employees.length).toBeLessThan(0.5);
  });

  it('has licences and certifications expiring mid-week, time off, history and preferences', () => {
    const weekEnd = '2026-04-19';
    const inWeek = (date: string | null) =>
      date !== null && date >= large.week.weekStart && date < weekEnd;
    expect(
      large.employees.some((e) => e.licences.some((licence) => inWeek(licence.validUntil))),
    ).toBe(true);
    expect(technicians.some((e) => e.certifications.some((c) => inWeek(c.expires)))).toBe(true);
    expect(large.employees.filter((e) => e.timeOff.length > 0).length).toBeGreaterThan(10);
    expect(large.employees.some((e) => e.history !== null)).toBe(true);
    expect(large.employees.some((e) => e.preferences !== null)).toBe(true);
    expect(large.pinnedShifts.length).toBeGreaterThan(0);
  });

  it('mixes ratio and no-ratio states, with a rule change mid-week', () => {
    const kinds = new Set(large.ruleSets.map((rules) => rules.supervision.kind));
    expect(kinds).toEqual(new Set(['RATIO', 'NONE']));
    expect(large.ruleSets.some((rules) => rules.effectiveFrom === '2026-04-16')).toBe(true);
  });

  it('gives demand a daily shape in each state local time', () => {
    const grid = buildGrid(large.week);
    const localHour = (index: number, zone: string) =>
      localDateTimeOf(intervalStart(grid, index), zone).minutes / 60;
    const california = large.demand.filter((entry) => entry.state === 'CA');
    expect(
      california.every((entry) => localHour(entry.intervalIndex, 'America/Los_Angeles') >= 7),
    ).toBe(true);
    expect(
      california.some((entry) => localHour(entry.intervalIndex, 'America/Los_Angeles') < 9),
    ).toBe(true);
    const calls = large.demand.filter((entry) => entry.queueId === 'q-calls');
    expect(calls.every((entry) => (entry.marginalValues?.length ?? 0) === entry.required + 2)).toBe(
      true,
    );
    const total = large.demand.reduce((sum, entry) => sum + entry.required * 0.5, 0);
    expect(total).toBeGreaterThan(400 * 30 * 0.6);
    expect(total).toBeLessThan(400 * 30 * 0.9);
  });
});

describe('generateInstance: feasibility', () => {
  it.each([
    ['tiny', 1, '2026-04-13'],
    ['small', 2, '2026-04-13'],
    ['medium', 3, '2026-03-02'],
    ['medium', 4, '2026-10-26'],
    ['small', 5, '2026-10-26'],
  ] as const)(
    '%s seed %i week %s: the minimum-hours witness has no violations',
    (size, seed, weekStart) => {
      const instance = generateInstance(size, seed, { weekStart });
      const witness = minimumHoursRoster(instance);
      expect(checkRoster(instance, witness).violations).toEqual([]);
    },
  );

  it('large: the witness has no violations and keeps every pinned shift', () => {
    const witness = minimumHoursRoster(large);
    expect(checkRoster(large, witness).violations).toEqual([]);
    const ids = new Set(witness.shifts.map((shift) => shift.id));
    expect(large.pinnedShifts.every((pinned) => ids.has(pinned.id))).toBe(true);
  });

  it.each(INSTANCE_SIZES.map((size) => [size]))(
    '%s with minimum hours 0: the empty roster has no violations',
    (size) => {
      const instance = generateInstance(size, 77, { minHoursZero: true });
      expect(instance.employees.every((employee) => employee.contract.minHoursPerWeek === 0)).toBe(
        true,
      );
      expect(checkRoster(instance, emptyRoster()).violations).toEqual([]);
    },
  );

  it('with minimum hours, the empty roster misses exactly minimum hours and pins', () => {
    const rules = new Set(
      checkRoster(generateInstance('small', 8), emptyRoster()).violations.map((v) => v.rule),
    );
    expect(rules).toEqual(new Set(['MIN_HOURS_PER_WEEK', 'PINNED_SHIFT']));
  });
});

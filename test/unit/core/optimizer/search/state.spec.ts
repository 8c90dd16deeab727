import { describe, expect, it } from '@jest/globals';
import { checkRoster } from '../../../../../src/core/checker/check-roster.js';
import { fixtureEmployee, fixtureInstance } from '../../../../../src/core/generator/fixture.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import { Random } from '../../../../../src/core/generator/prng.js';
import type { DemandEntry } from '../../../../../src/core/model/instance.js';
import { construct } from '../../../../../src/core/optimizer/search/construct.js';
import { localSearch } from '../../../../../src/core/optimizer/search/local-search.js';
import { SearchModel, type Week } from '../../../../../src/core/optimizer/search/model.js';
import { type DayChange, RosterState } from '../../../../../src/core/optimizer/search/state.js';
import { isUnpopularShift } from '../../../../../src/core/optimizer/mip/objective.js';
import { HOUR_MS } from '../../../../../src/core/time/dates.js';
import { localToInstant } from '../../../../../src/core/time/zones.js';
import { intervalAt } from './helpers.js';

describe('RosterState.price with a cutoff', () => {
  const instance = generateInstance('small', 2);
  const model = new SearchModel(instance);
  const built = construct(model, { seed: 3, deadline: performance.now() + 10_000 });
  const state = new RosterState(model, built.weeks!);

  /** One employee's shift of one day replaced by another candidate or by none. */
  function randomChange(rng: Random): DayChange[] {
    const employee = rng.int(0, model.employees.length - 1);
    const day = rng.int(0, 6);
    const options = model.byDay[employee][day];
    const next = options.length > 0 && rng.chance(0.6) ? rng.pick(options) : null;
    return [{ employee, day, next }];
  }

  it('gives the full price whenever it answers, and declines only what exceeds the cutoff', () => {
    const rng = new Random(7);
    let declined = 0;
    for (let k = 0; k < 300; k += 1) {
      const changes = randomChange(rng);
      const full = state.price(changes)!;
      expect(full).not.toBeNull();
      for (const cutoff of [full.delta - 1, full.delta + 1, -Infinity]) {
        const cut = state.price(changes, cutoff);
        if (cut === null) {
          declined += 1;
          expect(full.delta).toBeGreaterThan(cutoff);
        } else {
          expect(cut.delta).toBe(full.delta);
          expect([...cut.outcomes.keys()]).toEqual([...full.outcomes.keys()]);
        }
      }
    }
    expect(declined).toBeGreaterThan(0);
  });

  it('declines removing a working technician at a cutoff of minus infinity, without pricing it', () => {
    const busy = state.outcomes.flatMap((o) => o.allocations.map((a) => a.employee));
    const employee = busy[0];
    const day = state.weeks[employee].findIndex((c) => c !== null && !c.pinnedId);
    expect(day).toBeGreaterThanOrEqual(0);
    const before = model.evaluator.evaluations + model.evaluator.cacheHits;
    expect(state.price([{ employee, day, next: null }], -Infinity)).toBeNull();
    expect(model.evaluator.evaluations + model.evaluator.cacheHits).toBe(before);
  });
});

describe('localSearch on full weeks', () => {
  it("moves a technician's only allowed shift to the day that has the demand", async () => {
    // The technician may work one 8-hour shift a week and starts with it on Monday, where
    // nothing is demanded; Wednesday has Ohio calls (no supervision ratio) from 09:00 to 17:00.
    const eightHours = (c: { start: number; end: number }) => c.end - c.start === 8 * HOUR_MS;
    const paid = new SearchModel(fixtureInstance()).candidates[0].find(eightHours)!.paid;
    const base = fixtureInstance({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          contract: { ...fixtureEmployee('t', 'TECHNICIAN').contract, maxHoursPerWeek: paid },
        }),
      ],
    });
    const first = intervalAt(base, '2026-04-15', '09:00');
    const demand: DemandEntry[] = Array.from({ length: 16 }, (_, k) => ({
      intervalIndex: first + k,
      queueId: 'q-calls',
      state: 'OH',
      required: 1,
    }));
    const instance = { ...base, demand };
    const model = new SearchModel(instance);
    const monday = model.byDay[0][0].find(eightHours)!;
    const week: Week = [monday, null, null, null, null, null, null];
    const state = new RosterState(model, [week]);
    const start = state.objective;
    const result = await localSearch(state, { seed: 1, deadline: Infinity, maxIterations: 2000 });
    const best = new RosterState(model, result.best);
    const wednesday = result.best[0][2];
    expect(wednesday).not.toBeNull();
    expect(result.best[0].filter((c) => c !== null)).toHaveLength(1);
    // 16 half-hour intervals of one missing agent at 100 per hour: 800 less shortage.
    expect(result.bestObjective).toBeLessThan(start - 790);
    const check = checkRoster(instance, best.toRoster());
    expect(check.violations).toEqual([]);
    expect(check.soft.shortage).toBeLessThan(2);
  });
});

describe('RosterState.price skips intervals a newcomer cannot change', () => {
  // Ohio calls (no supervision ratio) on Wednesday 09:00-17:00, one technician working them.
  const base = fixtureInstance({
    employees: [
      fixtureEmployee('tech-1', 'TECHNICIAN'),
      fixtureEmployee('tech-unskilled', 'TECHNICIAN', { skills: [] }),
      fixtureEmployee('tech-2', 'TECHNICIAN'),
      fixtureEmployee('pharm-1', 'PHARMACIST'),
    ],
  });
  const first = intervalAt(base, '2026-04-15', '09:00');
  const demand: DemandEntry[] = Array.from({ length: 16 }, (_, k) => ({
    intervalIndex: first + k,
    queueId: 'q-calls',
    state: 'OH',
    required: 2,
  }));
  const model = new SearchModel({ ...base, demand });
  const nineToFive = (e: number) =>
    model.byDay[e][2].find((c) => c.end - c.start === 8 * HOUR_MS && c.first === first)!;
  const empty: Week = [null, null, null, null, null, null, null];
  const weeks: Week[] = [0, 1, 2, 3].map(() => [...empty]);
  weeks[0][2] = nineToFive(0);
  const state = new RosterState(model, weeks);
  const lookups = () => model.evaluator.evaluations + model.evaluator.cacheHits;

  it.each([
    ['a pharmacist where supervision cut nothing', 3],
    ['a technician who may work none of the demanded pairs', 1],
  ])('prices %s by the employee terms alone', (_, employee) => {
    const before = lookups();
    const move = state.price([{ employee, day: 2, next: nineToFive(employee) }])!;
    expect(lookups()).toBe(before);
    expect(move.outcomes.size).toBe(0);
    const withShift = weeks.map((week) => [...week]);
    withShift[employee][2] = nineToFive(employee);
    const after = new RosterState(model, withShift);
    expect(move.delta).toBeCloseTo(after.objective - state.objective, 9);
  });

  it('still prices the intervals a useful technician joins', () => {
    const before = lookups();
    const move = state.price([{ employee: 2, day: 2, next: nineToFive(2) }])!;
    expect(lookups()).toBeGreaterThan(before);
    expect(move.outcomes.size).toBe(16);
    expect(move.delta).toBeLessThan(-700);
  });
});

describe('RosterState with supervision trades (the returned roster)', () => {
  it('is never worse in any interval than the search state, and better in some', () => {
    const instance = generateInstance('small', 1);
    const model = new SearchModel(instance);
    const built = construct(model, { seed: 3, deadline: performance.now() + 10_000 });
    const search = new RosterState(model, built.weeks!);
    const final = new RosterState(model, built.weeks!, { supervisionTrades: true });
    let better = 0;
    search.outcomes.forEach((outcome, i) => {
      expect(final.outcomes[i].value).toBeLessThanOrEqual(outcome.value + 1e-9);
      if (final.outcomes[i].value < outcome.value - 1e-9) better += 1;
    });
    expect(better).toBeGreaterThan(0);
    expect(final.objective).toBeLessThan(search.objective);
    const check = checkRoster(instance, final.toRoster());
    expect(check.violations).toEqual([]);
    expect(check.soft.weightedTotal).toBeCloseTo(final.objective, 6);
  });
});

describe('SearchModel candidates in each employee zone', () => {
  it('days, unpopular flags and preference points follow the zone of each employee', () => {
    const instance = fixtureInstance({
      employees: [
        fixtureEmployee('ny-1', 'TECHNICIAN'),
        fixtureEmployee('ny-2', 'TECHNICIAN', {
          preferences: {
            preferredStartTimes: [],
            avoidStartTimes: ['06:00'],
            preferredDaysOff: [],
          },
        }),
        fixtureEmployee('la-1', 'TECHNICIAN', {
          timeZone: 'America/Los_Angeles',
          preferences: {
            preferredStartTimes: [],
            avoidStartTimes: ['06:00'],
            preferredDaysOff: [],
          },
        }),
        fixtureEmployee('pharm-1', 'PHARMACIST'),
      ],
    });
    const model = new SearchModel(instance);
    const atStart = (e: number, start: number) =>
      model.candidates[e].filter((c) => c.start === start);
    // 06:00 in Los Angeles is 09:00 in New York: early (unpopular) and avoided only in LA.
    const start = localToInstant('2026-04-14', '06:00', 'America/Los_Angeles');
    for (const [e, unpopular, preference] of [
      [0, false, 0],
      [1, false, 0],
      [2, true, 1],
    ] as const) {
      const found = atStart(e, start);
      expect(found.length).toBeGreaterThan(0);
      for (const c of found) {
        expect(c.unpopular).toBe(unpopular);
        expect(c.preference).toBe(preference);
        expect(c.localDate).toBe('2026-04-14');
      }
    }
    // 21:30 in Los Angeles is already the next day in New York.
    const late = localToInstant('2026-04-14', '21:30', 'America/Los_Angeles');
    expect(atStart(0, late).every((c) => c.localDate === '2026-04-15' && c.day === 2)).toBe(true);
    expect(atStart(2, late).every((c) => c.localDate === '2026-04-14' && c.day === 1)).toBe(true);
    for (const [e, list] of model.candidates.entries()) {
      for (const c of list)
        expect(c.unpopular).toBe(isUnpopularShift(instance, instance.employees[e], c.start, c.end));
    }
  });
});

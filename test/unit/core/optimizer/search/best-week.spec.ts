import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fixtureEmployee, fixtureInstance } from '../../../../../src/core/generator/fixture.js';
import { generateInstance } from '../../../../../src/core/generator/generate-instance.js';
import type { DemandEntry } from '../../../../../src/core/model/instance.js';
import {
  type Option,
  bestLegalWeek,
  bestWeek,
} from '../../../../../src/core/optimizer/search/best-week.js';
import { localSearch } from '../../../../../src/core/optimizer/search/local-search.js';
import { construct } from '../../../../../src/core/optimizer/search/construct.js';
import {
  type Candidate,
  SearchModel,
  type Week,
} from '../../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../../src/core/optimizer/search/state.js';
import { HOUR_MS } from '../../../../../src/core/time/dates.js';
import { intervalAt } from './helpers.js';

describe('bestWeek', () => {
  it("moves a technician's two shifts at once to the two days that have the demand", () => {
    // Two 8-hour shifts a week at most, both on days without demand; Ohio calls (no ratio) are
    // demanded on Wednesday and Thursday 09:00-17:00. No one-day move reaches the best week: each
    // added shift must push one out, and the pushed-out one is worth nothing either way.
    const eightHours = (c: { start: number; end: number }) => c.end - c.start === 8 * HOUR_MS;
    const paid = new SearchModel(fixtureInstance()).candidates[0].find(eightHours)!.paid;
    const base = fixtureInstance({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          contract: { ...fixtureEmployee('t', 'TECHNICIAN').contract, maxHoursPerWeek: 2 * paid },
        }),
      ],
    });
    const demand: DemandEntry[] = ['2026-04-15', '2026-04-16'].flatMap((date) => {
      const first = intervalAt(base, date, '09:00');
      return Array.from({ length: 16 }, (_, k) => ({
        intervalIndex: first + k,
        queueId: 'q-calls',
        state: 'OH',
        required: 1,
      }));
    });
    const model = new SearchModel({ ...base, demand });
    const nineToFive = (day: number) =>
      model.byDay[0][day].find((c) => eightHours(c) && c.first === model.byDay[0][day][0].first)!;
    const week: Week = [nineToFive(0), nineToFive(1), null, null, null, null, null];
    const state = new RosterState(model, [week]);

    const changes = bestWeek(state, 0)!;

    const after = [...week];
    for (const { day, next } of changes) after[day] = next;
    expect(after[0]).toBeNull();
    expect(after[1]).toBeNull();
    for (const day of [2, 3]) {
      expect(after[day]).not.toBeNull();
      expect(after[day]!.first).toBe(intervalAt(base, model.grid.weekDates[day], '09:00'));
      expect(after[day]!.last - after[day]!.first).toBe(16);
    }
    // 32 half-hours of one missing agent at 100 per hour, the same wages.
    expect(state.price(changes)!.delta).toBeCloseTo(-1600, 6);
    expect(bestWeek(new RosterState(model, [after]), 0)).toBeNull();
  });

  it("takes a day's lesser shift when the weekly hours leave no room for its best ones", () => {
    // At most two 4-hour shifts' paid hours a week. Wednesday has 6 hours of demand, Thursday 4:
    // the best week is 4 hours on each (8 hours of service). Wednesday's best shifts alone (the
    // 6-hour one and the 8-hour ones covering all its demand) leave no room for Thursday's, so a
    // programme over each day's few best shifts by worth stops at 6 hours.
    const hours = (c: { start: number; end: number }) => (c.end - c.start) / HOUR_MS;
    const paidOf4 = new SearchModel(fixtureInstance()).candidates[0].find(
      (c) => hours(c) === 4,
    )!.paid;
    const contract = fixtureEmployee('t', 'TECHNICIAN').contract;
    const base = fixtureInstance({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN', {
          contract: { ...contract, minHoursPerWeek: 0, maxHoursPerWeek: 2 * paidOf4 },
        }),
      ],
    });
    const demandFrom = (date: string, halfHours: number): DemandEntry[] => {
      const first = intervalAt(base, date, '09:00');
      return Array.from({ length: halfHours }, (_, k) => ({
        intervalIndex: first + k,
        queueId: 'q-calls',
        state: 'OH',
        required: 1,
      }));
    };
    const demand = [...demandFrom('2026-04-15', 12), ...demandFrom('2026-04-16', 8)];
    const model = new SearchModel({ ...base, demand });
    const state = new RosterState(model, [[null, null, null, null, null, null, null]]);

    const after: Week = [null, null, null, null, null, null, null];
    for (const { day, next } of bestWeek(state, 0)!) after[day] = next;

    for (const day of [2, 3]) {
      expect(after[day]).not.toBeNull();
      expect(hours(after[day]!)).toBe(4);
      expect(after[day]!.first).toBe(intervalAt(base, model.grid.weekDates[day], '09:00'));
    }
    expect(after.filter(Boolean)).toHaveLength(2);
  });

  it('keeps the weekly minimum and the pinned shifts, and stays legal (random small weeks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom('2026-04-13', '2026-03-02', '2026-10-26'),
        (seed, weekStart) => {
          const model = new SearchModel(generateInstance('tiny', seed, { weekStart }));
          const built = construct(model, { seed, deadline: performance.now() + 5_000 });
          if (!built.weeks) return;
          const state = new RosterState(model, built.weeks);
          model.employees.forEach((_, e) => {
            const changes = bestWeek(state, e);
            if (!changes) return;
            const week = [...state.weeks[e]];
            for (const change of changes) {
              expect(change.employee).toBe(e);
              week[change.day] = change.next;
            }
            expect(model.weekAllowed(e, week)).toBe(true);
            expect(model.meetsMinimum(e, week)).toBe(true);
            model.pinned[e].forEach((pin, day) => {
              if (pin) expect(week[day]).toBe(pin);
            });
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never makes the roster worse apart from fairness (its own week is among its options)', () => {
    // The generated contracts pay no overtime below their weekly maximum, so the worth the
    // dynamic programme maximises is exactly minus the priced change, fairness aside.
    for (const seed of [1, 2, 3]) {
      const model = new SearchModel(generateInstance('small', seed));
      const built = construct(model, { seed, deadline: performance.now() + 10_000 });
      const state = new RosterState(model, built.weeks!);
      let improved = 0;
      for (let e = 0; e < model.employees.length; e += 1) {
        const changes = bestWeek(state, e);
        if (!changes) continue;
        const move = state.price(changes)!;
        expect(move.delta - (move.fairness - state.fairness)).toBeLessThanOrEqual(1e-6);
        if (move.delta < -1e-6) improved += 1;
        state.apply(move);
      }
      expect(improved).toBeGreaterThan(0);
      const fresh = new RosterState(model, state.weeks);
      expect(fresh.objective).toBeCloseTo(state.objective, 6);
    }
  });
});

describe('bestLegalWeek', () => {
  /** The legal week of most worth by trying every combination of the options. */
  function enumerated(model: SearchModel, e: number, options: readonly Option[][]): number {
    let best = -Infinity;
    const visit = (day: number, week: Week, worth: number): void => {
      if (day === options.length) {
        if (model.weekAllowed(e, week) && model.meetsMinimum(e, week)) best = Math.max(best, worth);
        return;
      }
      for (const option of options[day]) {
        week[day] = option.shift;
        visit(day + 1, week, worth + option.worth);
      }
    };
    visit(0, [], 0);
    return best;
  }

  it('finds the best legal week of the options, rest across days included (random options)', () => {
    // Late and early shifts on random days make the rest bind between some of them: the
    // programme merges partial weeks only where their last end can no longer cut a later start.
    const model = new SearchModel(
      fixtureInstance({ employees: [fixtureEmployee('tech-1', 'TECHNICIAN')] }),
    );
    const e = 0;
    const earliest = model.byDay[e].map((day) => [...day].sort((a, b) => a.start - b.start));
    const latest = model.byDay[e].map((day) => [...day].sort((a, b) => b.end - a.end));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.nat(4), { minLength: 2, maxLength: 2 }),
            fc.array(fc.integer({ min: -50, max: 400 }), { minLength: 2, maxLength: 2 }),
          ),
          { minLength: 7, maxLength: 7 },
        ),
        (days) => {
          const options: Option[][] = days.map(([[early, late], worths], d) => {
            const shifts: Candidate[] = [earliest[d][early], latest[d][late]];
            return [
              ...shifts.map((shift, n) => ({ shift, worth: worths[n] })),
              { shift: null, worth: 0 },
            ];
          });
          const week = bestLegalWeek(model, e, options);
          const best = enumerated(model, e, options);
          if (best === -Infinity) {
            expect(week).toBeNull();
            return;
          }
          expect(week).not.toBeNull();
          expect(model.weekAllowed(e, week!)).toBe(true);
          const worth = week!.reduce(
            (sum, shift, d) => sum + options[d].find((o) => o.shift === shift)!.worth,
            0,
          );
          expect(worth).toBe(best);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('localSearch: pharmacists take their best weeks before the annealing', () => {
  it('moves the only pharmacist to the day whose technician needs supervision, in 0 iterations', async () => {
    // One technician works North Carolina e-prescriptions (licence required, supervision ratio)
    // on Wednesday 09:00-17:00; the only pharmacist may work one 8-hour shift and has Monday's.
    const eightHours = (c: { start: number; end: number }) => c.end - c.start === 8 * HOUR_MS;
    const paid = new SearchModel(fixtureInstance()).candidates[1].find(eightHours)!.paid;
    const pharmacist = fixtureEmployee('pharm-1', 'PHARMACIST');
    const base = fixtureInstance({
      employees: [
        fixtureEmployee('tech-1', 'TECHNICIAN'),
        { ...pharmacist, contract: { ...pharmacist.contract, maxHoursPerWeek: paid } },
      ],
    });
    const first = intervalAt(base, '2026-04-15', '09:00');
    const demand: DemandEntry[] = Array.from({ length: 16 }, (_, k) => ({
      intervalIndex: first + k,
      queueId: 'q-erx',
      state: 'NC',
      required: 1,
    }));
    const model = new SearchModel({ ...base, demand });
    const nineToFive = (e: number, day: number) => {
      const nine = intervalAt(base, model.grid.weekDates[day], '09:00');
      return model.byDay[e][day].find((c) => eightHours(c) && c.first === nine)!;
    };
    const empty: Week = [null, null, null, null, null, null, null];
    const tech: Week = [...empty];
    tech[2] = nineToFive(0, 2);
    const pharm: Week = [...empty];
    pharm[0] = nineToFive(1, 0);
    const state = new RosterState(model, [tech, pharm]);
    expect(state.outcomes[first].noSupervisor).toEqual(['NC']);
    const start = state.objective;

    const result = await localSearch(state, { seed: 1, deadline: Infinity, maxIterations: 0 });

    expect(result.iterations).toBe(0);
    expect(result.best[1][0]).toBeNull();
    expect(result.best[1][2]).toBe(nineToFive(1, 2));
    // 16 half-hours of one unsupervised technician at 100 per hour.
    expect(result.bestObjective).toBeCloseTo(start - 800, 6);
  });
});

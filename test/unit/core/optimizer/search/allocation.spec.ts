import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fixtureEmployee, fixtureInstance } from '../../../../../src/core/generator/fixture.js';
import type { Employee } from '../../../../../src/core/model/employee.js';
import type { DemandEntry, PlanningInstance } from '../../../../../src/core/model/instance.js';
import type { JurisdictionRuleSet } from '../../../../../src/core/model/jurisdiction.js';
import { sampleRuleSets } from '../../../../../src/core/model/sample-rules.js';
import { AllocationEvaluator } from '../../../../../src/core/optimizer/search/allocation.js';
import { type FlowEdge, maxFlow } from '../../../../../src/core/rules/max-flow.js';
import {
  countsTowardRatio,
  requiredPharmacistEquivalents,
} from '../../../../../src/core/rules/supervision.js';
import { DATE, evaluateAll, intervalAt, rosterOf, violationRules } from './helpers.js';

const licence = (state: string, kind: 'PHARMACIST_LICENCE' | 'TECHNICIAN_LICENCE') => ({
  state,
  kind,
  validFrom: '2020-01-01',
  validUntil: null,
});
const tech = (id: string, overrides: Partial<Employee> = {}) =>
  fixtureEmployee(id, 'TECHNICIAN', overrides);
const uncertified = (id: string, overrides: Partial<Employee> = {}) =>
  tech(id, { certifications: [], ...overrides });
const pharmacist = (id: string, states: string[]) =>
  fixtureEmployee(id, 'PHARMACIST', {
    licences: states.map((s) => licence(s, 'PHARMACIST_LICENCE')),
  });

function withDemand(
  employees: Employee[],
  entries: Omit<DemandEntry, 'intervalIndex'>[],
  extra: Partial<PlanningInstance> = {},
): PlanningInstance {
  const base = fixtureInstance({ employees, ...extra });
  const intervalIndex = intervalAt(base);
  return { ...base, demand: entries.map((entry) => ({ ...entry, intervalIndex })) };
}

describe('interval evaluator: one binding rule at a time', () => {
  it('allocates every technician where demand and rules allow (no supervision in OH)', () => {
    const instance = withDemand(
      [tech('t1'), tech('t2'), pharmacist('p1', ['OH'])],
      [{ queueId: 'q-calls', state: 'OH', required: 2 }],
    );
    const { outcome, roster, placed } = evaluateAll(instance);
    expect(placed.size).toBe(2);
    expect(outcome.value).toBe(0);
    expect(violationRules(instance, roster)).toEqual([]);
  });

  it('ratio binding: one GA pharmacist may supervise 3 (1 certified), so 3 of 4 work', () => {
    const instance = withDemand(
      [
        tech('c1'),
        uncertified('u1'),
        uncertified('u2'),
        uncertified('u3'),
        pharmacist('p1', ['GA']),
      ],
      [{ queueId: 'q-calls', state: 'GA', required: 4 }],
    );
    const { outcome, roster, placed } = evaluateAll(instance);
    expect(placed.size).toBe(3);
    expect(placed.has('c1')).toBe(true);
    expect(outcome.ratioBinding).toEqual(['GA']);
    expect(violationRules(instance, roster)).toEqual([]);
  });

  it('a technician unlicensed for a state is never allocated there', () => {
    const ncOnly = tech('t1', { licences: [licence('NC', 'TECHNICIAN_LICENCE')] });
    const instance = withDemand(
      [ncOnly, pharmacist('p1', ['NC', 'GA'])],
      [
        { queueId: 'q-erx', state: 'GA', required: 1, marginalValues: [1000] },
        { queueId: 'q-erx', state: 'NC', required: 1 },
      ],
    );
    const { roster, placed } = evaluateAll(instance);
    expect(placed.get('t1')).toBe('q-erx/NC');
    expect(violationRules(instance, roster)).toEqual([]);
  });

  it('remote-task rule: only the on-site technician works calls where remote calls are barred', () => {
    const ruleSets: JurisdictionRuleSet[] = sampleRuleSets().map((rules) =>
      rules.state === 'OH'
        ? {
            ...rules,
            tasks: {
              ...rules.tasks,
              CUSTOMER_CALLS: { ...rules.tasks.CUSTOMER_CALLS, remoteAllowed: false },
            },
          }
        : rules,
    );
    const instance = withDemand(
      [tech('remote'), tech('onsite', { remote: false })],
      [{ queueId: 'q-calls', state: 'OH', required: 2 }],
      { ruleSets },
    );
    const { roster, placed } = evaluateAll(instance);
    expect([...placed.keys()]).toEqual(['onsite']);
    expect(violationRules(instance, roster)).toEqual([]);
  });

  it('a pharmacist shared by two states is never counted twice', () => {
    // NC: 2 uncertified per pharmacist; GA: 1:2 without certified technicians.
    const instance = withDemand(
      [uncertified('n1'), uncertified('g1'), uncertified('g2'), pharmacist('p1', ['NC', 'GA'])],
      [
        { queueId: 'q-calls', state: 'NC', required: 1 },
        { queueId: 'q-calls', state: 'GA', required: 2 },
      ],
    );
    const { outcome, roster, placed } = evaluateAll(instance);
    // NC needs 0.5 for one, GA 1 for two: 1.5 > 1, so only two can work.
    expect(placed.size).toBe(2);
    const total = outcome.shares.reduce((sum, s) => sum + s.share, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    expect(violationRules(instance, roster)).toEqual([]);
  });
});

/** Exact optimum by enumeration: every technician idle or on one eligible demanded pair. */
function bruteForce(
  instance: PlanningInstance,
  evaluator: AllocationEvaluator,
  intervalIndex: number,
  ignoreSupervision: boolean,
): number {
  const techs = instance.employees.flatMap((e, i) => (e.role === 'TECHNICIAN' ? [i] : []));
  const pharms = instance.employees.flatMap((e, i) => (e.role === 'PHARMACIST' ? [i] : []));
  const date = evaluator.grid.intervalDates[intervalIndex];
  const demanded = new Set(evaluator.demandOf(intervalIndex).map((s) => s.pair));
  const options = techs.map((t) => [
    -1,
    ...[...evaluator.eligibility.eligiblePairs(t, date)].filter((p) => demanded.has(p)),
  ]);
  let best = Infinity;
  const choice = new Array<number>(techs.length).fill(-1);
  const feasible = (): boolean => {
    if (ignoreSupervision) return true;
    const tally = new Map<number, { technicians: number; certified: number }>();
    choice.forEach((pair, k) => {
      if (pair < 0) return;
      const s = evaluator.pairState[pair];
      const ruleSet = evaluator.eligibility.ruleFor(evaluator.states[s], date)!;
      if (
        ruleSet.supervision.kind === 'NONE' ||
        !countsTowardRatio(ruleSet, instance.employees[techs[k]])
      )
        return;
      const t = tally.get(s) ?? { technicians: 0, certified: 0 };
      t.technicians += 1;
      if (evaluator.eligibility.certified(techs[k], date)) t.certified += 1;
      tally.set(s, t);
    });
    const needs = [...tally].map(([s, counts]) => ({
      s,
      need: requiredPharmacistEquivalents(
        evaluator.eligibility.supervisionRule(evaluator.states[s], date),
        counts,
      ),
    }));
    if (needs.some((n) => !Number.isFinite(n.need))) return false;
    const sink = 1 + pharms.length + needs.length;
    const edges: FlowEdge[] = pharms.map((_, p) => ({ from: 0, to: 1 + p, capacity: 1 }));
    needs.forEach(({ s }, i) =>
      pharms.forEach((ph, p) => {
        if (evaluator.eligibility.canSupervise(ph, evaluator.states[s], date))
          edges.push({ from: 1 + p, to: 1 + pharms.length + i, capacity: 1 });
      }),
    );
    const first = edges.length;
    needs.forEach(({ need }, i) =>
      edges.push({ from: 1 + pharms.length + i, to: sink, capacity: need }),
    );
    const flow = maxFlow(sink + 1, edges, 0, sink);
    return needs.every(({ need }, i) => flow[first + i] >= need - 1e-7);
  };
  const walk = (k: number): void => {
    if (k === techs.length) {
      if (!feasible()) return;
      const counts = new Map<number, number>();
      for (const pair of choice) if (pair >= 0) counts.set(pair, (counts.get(pair) ?? 0) + 1);
      best = Math.min(best, evaluator.valueOfCounts(intervalIndex, counts));
      return;
    }
    for (const option of options[k]) {
      choice[k] = option;
      walk(k + 1);
    }
    choice[k] = -1;
  };
  walk(0);
  return best;
}

const STATES = ['NC', 'GA', 'OH', 'CA'] as const;

interface Case {
  techs: { certified: boolean; remote: boolean; states: string[]; skills: string[] }[];
  pharms: string[][];
  demand: { queueId: string; state: string; required: number; curve: boolean }[];
}

const arbitraryCase: fc.Arbitrary<Case> = fc.record({
  techs: fc.array(
    fc.record({
      certified: fc.boolean(),
      remote: fc.boolean(),
      states: fc.subarray([...STATES], { minLength: 1 }),
      skills: fc.subarray(['q-erx', 'q-calls'], { minLength: 1 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  pharms: fc.array(fc.subarray([...STATES], { minLength: 1 }), { maxLength: 2 }),
  demand: fc.array(
    fc.record({
      queueId: fc.constantFrom('q-erx', 'q-calls'),
      state: fc.constantFrom(...STATES),
      required: fc.integer({ min: 1, max: 3 }),
      curve: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function caseInstance(c: Case): PlanningInstance {
  const employees: Employee[] = [
    ...c.techs.map((t, i) =>
      tech(`t${i}`, {
        certifications: t.certified
          ? [{ kind: 'CPHT', obtained: '2020-01-01', expires: null }]
          : [],
        remote: t.remote,
        skills: t.skills,
        licences: t.states.map((s) => licence(s, 'TECHNICIAN_LICENCE')),
      }),
    ),
    ...c.pharms.map((states, i) => pharmacist(`p${i}`, states)),
  ];
  const seen = new Set<string>();
  const entries = c.demand
    .filter((d) => {
      const key = `${d.queueId}|${d.state}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((d) => ({
      queueId: d.queueId,
      state: d.state,
      required: d.required,
      ...(d.curve
        ? { marginalValues: Array.from({ length: d.required + 2 }, (_, k) => 10 - 3 * k) }
        : {}),
    }));
  return withDemand(employees, entries);
}

/** A case's instance, its interval, a fresh evaluator and everyone on duty by role. */
function caseSetup(c: Case) {
  const instance = caseInstance(c);
  const all = instance.employees.map((_, i) => i);
  return {
    instance,
    interval: intervalAt(instance),
    evaluator: new AllocationEvaluator(instance),
    techs: all.filter((i) => instance.employees[i].role === 'TECHNICIAN'),
    pharms: all.filter((i) => instance.employees[i].role === 'PHARMACIST'),
  };
}

describe('interval evaluator against brute force', () => {
  it('is exact without supervision limits, and never better than the exact optimum with them', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { instance, interval, evaluator, techs, pharms } = caseSetup(c);
        const relaxed = evaluator.evaluate(interval, techs, pharms, { ignoreSupervision: true });
        expect(relaxed.value).toBeCloseTo(bruteForce(instance, evaluator, interval, true), 9);
        const outcome = evaluator.evaluate(interval, techs, pharms);
        const exact = bruteForce(instance, evaluator, interval, false);
        expect(outcome.value).toBeGreaterThanOrEqual(exact - 1e-9);
        if (outcome.ratioBinding.length === 0) expect(outcome.value).toBeCloseTo(exact, 9);
        const { roster } = rosterOf(instance, evaluator, interval, outcome);
        expect(violationRules(instance, roster)).toEqual([]);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('reaches the exact optimum with supervision on most small cases', () => {
    let equal = 0;
    let total = 0;
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { instance, interval, evaluator, techs, pharms } = caseSetup(c);
        const outcome = evaluator.evaluate(interval, techs, pharms);
        total += 1;
        if (Math.abs(outcome.value - bruteForce(instance, evaluator, interval, false)) < 1e-9)
          equal += 1;
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(equal / total).toBeGreaterThan(0.9);
  });

  it('without supervision trades (the search) is still clean, and never better than with them', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { instance, interval, evaluator, techs, pharms } = caseSetup(c);
        const withTrades = evaluator.evaluate(interval, techs, pharms);
        const without = evaluator.evaluate(interval, techs, pharms, { supervisionTrades: false });
        expect(without.value).toBeGreaterThanOrEqual(withTrades.value - 1e-9);
        expect(without.value).toBeGreaterThanOrEqual(
          bruteForce(instance, evaluator, interval, false) - 1e-9,
        );
        const { roster } = rosterOf(instance, evaluator, interval, without);
        expect(violationRules(instance, roster)).toEqual([]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('caches per (interval, on-duty set)', () => {
    const instance = withDemand(
      [tech('t1'), tech('t2')],
      [{ queueId: 'q-calls', state: 'OH', required: 1 }],
    );
    const evaluator = new AllocationEvaluator(instance);
    const interval = intervalAt(instance);
    const first = evaluator.evaluate(interval, [0, 1], []);
    expect(evaluator.evaluate(interval, [1, 0], [])).toBe(first);
    expect(evaluator.cacheHits).toBe(1);
    void DATE;
  });

  it('empties its cache past the record budget, with the same outcomes', () => {
    const instance = withDemand(
      [tech('t1'), tech('t2'), tech('t3')],
      [{ queueId: 'q-calls', state: 'OH', required: 2 }],
    );
    const interval = intervalAt(instance);
    const sets = [
      [0, 1],
      [1, 2],
      [0, 2],
      [0, 1],
      [0, 1, 2],
      [1, 2],
    ];
    // Each outcome counts 3 records: itself and two allocations (the demand is 2).
    const roomy = new AllocationEvaluator(instance);
    const tight = new AllocationEvaluator(instance, undefined, { maxCachedRecords: 6 });
    for (const set of sets) {
      expect(tight.evaluate(interval, set, []).value).toBe(roomy.evaluate(interval, set, []).value);
    }
    expect(roomy.evaluations).toBe(4);
    expect(roomy.cacheHits).toBe(2);
    // Two outcomes fit, so every third empties the cache: no set is found again.
    expect(tight.evaluations).toBe(6);
    expect(tight.cacheHits).toBe(0);
  });
});

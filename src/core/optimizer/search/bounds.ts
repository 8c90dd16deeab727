import type { PlanningInstance } from '../../model/instance.js';
import { HOUR_MS } from '../../time/dates.js';
import { SearchModel } from './model.js';

/**
 * Lower bounds on `weightedTotal`. The MIP side (src/core/optimizer/mip, `lpLowerBound`) plugs in
 * through `BoundProvider`; until then `relaxationBoundProvider` gives a cheap valid bound:
 *
 *   max(B1, B2) + sum over employees of the wages of their weekly minimum
 *
 * - B1: per interval, the evaluator's exact optimum (min-cost flow) when EVERY technician who
 *   could be on duty then (some candidate shift covers it) is on duty and supervision is ignored.
 *   The interval's service terms can only be worse with fewer technicians or with ratios.
 * - B2: the shortage weight times (demanded staff-hours - the most on-duty hours all technicians
 *   could work in a week), since shortage >= demanded - staffed.
 * Preference, fairness and changes are >= 0 and left out. The bound is weak where weekly hours
 * are the binding resource (medium and large instances): it ignores that technicians cannot all
 * work at once; the LP bound is the one to report there.
 */
export interface BoundProvider {
  /** Short name for `SolveResult.method`, e.g. 'relaxation-bound' or 'highs-lp-bound'. */
  readonly name: string;
  /**
   * Takes about as long as one evaluation of the week, whatever the time limit: the solve then
   * computes it before the search and keeps no time for it afterwards.
   */
  readonly quick?: boolean;
  /**
   * A valid lower bound on weightedTotal, or null when none was found in time. `model`: the
   * solve's own search model of the same instance, for providers that can use it.
   */
  lowerBound(
    instance: PlanningInstance,
    timeLimitSeconds: number,
    model?: SearchModel,
  ): Promise<number | null>;
}

/** The relaxation bound described above (synchronous; `model` may be reused from a solve). */
export function relaxationBound(instance: PlanningInstance, model?: SearchModel): number {
  const m = model ?? new SearchModel(instance);
  const { technicians } = availableStaff(m);
  let b1 = 0;
  for (let i = 0; i < m.grid.count; i += 1)
    b1 += m.evaluator.evaluate(i, technicians[i], [], { ignoreSupervision: true }).value;
  return Math.max(b1, capacityShortageBound(m)) + minimumWages(m);
}

/**
 * Per interval: the technicians and the pharmacists who could be on duty then (some candidate or
 * pinned shift covers it).
 */
export function availableStaff(model: SearchModel): {
  technicians: number[][];
  pharmacists: number[][];
} {
  const technicians: number[][] = Array.from({ length: model.grid.count }, () => []);
  const pharmacists: number[][] = Array.from({ length: model.grid.count }, () => []);
  model.employees.forEach((_, e) => {
    const covered = new Uint8Array(model.grid.count);
    for (const c of model.candidates[e]) covered.fill(1, c.first, c.last);
    for (const pin of model.pinned[e]) if (pin) covered.fill(1, pin.first, pin.last);
    const into = model.isTechnician[e] ? technicians : pharmacists;
    covered.forEach((flag, i) => {
      if (flag) into[i].push(e);
    });
  });
  return { technicians, pharmacists };
}

/** B2 above: the shortage the technicians' most on-duty hours in a week leave at least. */
export function capacityShortageBound(m: SearchModel): number {
  let demandedHours = 0;
  for (let i = 0; i < m.grid.count; i += 1) {
    for (const slot of m.evaluator.demandOf(i))
      demandedHours += Math.max(0, slot.required) * m.intervalHours;
  }
  let onDutyCapacity = 0;
  for (const e of m.technicians) {
    const list = m.candidates[e];
    if (list.length === 0) continue;
    const perDay = m.byDay[e].map((day) =>
      day.reduce((max, c) => Math.max(max, (c.end - c.start) / HOUR_MS), 0),
    );
    const lengthPerPaid = list.reduce(
      (max, c) => Math.max(max, c.paid > 0 ? (c.end - c.start) / HOUR_MS / c.paid : 0),
      0,
    );
    onDutyCapacity += Math.min(
      perDay.reduce((sum, h) => sum + h, 0),
      m.employees[e].contract.maxHoursPerWeek * lengthPerPaid,
    );
  }
  return m.instance.weights.shortage * Math.max(0, demandedHours - onDutyCapacity);
}

/** The wages of every contract's weekly minimum: no roster pays less. */
export function minimumWages(m: SearchModel): number {
  let wages = 0;
  m.employees.forEach((employee, e) => {
    wages += m.wageCost(e, employee.contract.minHoursPerWeek);
  });
  return wages;
}

/**
 * Given the solve's model it only evaluates the intervals: building a model of its own had cost
 * the large week's search 1.1 s of its 60 (docs/benchmarks.md, ninth session).
 */
export const relaxationBoundProvider: BoundProvider = {
  name: 'relaxation-bound',
  quick: true,
  lowerBound: (instance, _seconds, model) => Promise.resolve(relaxationBound(instance, model)),
};

/**
 * Adapts an LP bound function (e.g. the MIP module's `lpLowerBound(instance, {timeLimitSeconds})`)
 * to a `BoundProvider`. A function returning an object is read at `.bound` or `.lowerBound`.
 */
export function boundProviderFrom(
  name: string,
  lowerBound: (
    instance: PlanningInstance,
    options: { timeLimitSeconds: number },
  ) => Promise<number | null | { bound?: number | null; lowerBound?: number | null }>,
): BoundProvider {
  return {
    name,
    async lowerBound(instance, timeLimitSeconds) {
      const result = await lowerBound(instance, { timeLimitSeconds });
      if (result === null || typeof result === 'number') return result;
      return result.bound ?? result.lowerBound ?? null;
    },
  };
}

/** The best (largest) of several bounds; providers that fail or return null are skipped. */
export function bestOfBounds(providers: readonly BoundProvider[]): BoundProvider {
  return {
    name: providers.map((p) => p.name).join('+'),
    async lowerBound(instance, timeLimitSeconds, model) {
      let best: number | null = null;
      for (const provider of providers) {
        try {
          const bound = await provider.lowerBound(instance, timeLimitSeconds, model);
          if (bound !== null && Number.isFinite(bound) && (best === null || bound > best))
            best = bound;
        } catch {
          // A failing provider gives no bound; the others still count.
        }
      }
      return best;
    },
  };
}

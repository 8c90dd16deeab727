import type { LocalDate } from '../../model/common.js';
import type { Employee } from '../../model/employee.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { SupervisionRule } from '../../model/jurisdiction.js';
import { countsTowardRatio } from '../../rules/supervision.js';
import { availableStaff, capacityShortageBound, minimumWages } from '../search/bounds.js';
import { SearchModel } from '../search/model.js';
import type { SolverName } from '../types.js';
import type { MipSolver } from './solver-port.js';
import { solverFor } from './solvers.js';
import { type MipModel, addCol, addRow, emptyModel } from './sparse.js';

/**
 * The interval LP bound: a lower bound on `weightedTotal` over every checker-feasible roster that,
 * unlike the combinatorial relaxation bound (search/bounds.ts), counts supervision, at a small
 * fraction of the weekly LP's cost. It relaxes the week into independent intervals:
 *
 * - every employee with a candidate (or pinned) shift covering interval i is on duty in i
 *   (weekly hours, rest, days and shift shapes dropped);
 * - per interval i, an LP over technician classes c (same demanded eligible pairs, same
 *   remote flag; n_c members): a[c,p] in [0, n_c] for each pair p the class may work, with
 *   Σ_p a[c,p] <= n_c; per demand slot j, unit columns u[j,k] in [0, 1] worth the evaluator's
 *   marginal benefit g[j,k] of the (k+1)-th agent (non-increasing, so the LP fills them in order),
 *   with Σ_k u[j,k] <= Σ_c a[c,p_j]; objective baseline_i − Σ g[j,k]·u[j,k];
 * - supervision: per on-duty pharmacist f, shares z[f,S] >= 0 over the ratio states S they may
 *   supervise with Σ_S z[f,S] <= 1, and per ratio state Σ_{c counted in S} a[c,p in S] <=
 *   r_S · Σ_f z[f,S], where r_S = max over tiers of max(first, each additional pharmacist). That
 *   line lies above every tier's capacity (f·p up to one pharmacist, f + a·(p − 1) beyond), and the
 *   certification tiers and uncertified caps are dropped: a relaxation of the ratio rule.
 *
 * The bound is Σ_i LP_i + the wages of every contract's minimum hours (the other soft terms are
 * non-negative), never below the combinatorial relaxation bound. An interval whose LP is not
 * solved to optimality counts its value without supervision (the flow optimum, also a relaxation).
 * Each LP value is lowered by 1e-6 relative, as `lpLowerBound` does, against solver tolerances.
 */

export interface IntervalBoundOptions {
  /** Time for all intervals; past it the bound is null (a partial sum would not be a bound). */
  readonly timeLimitSeconds: number;
  readonly solver?: SolverName | MipSolver;
  /** Polled between intervals; true stops with a null bound. */
  readonly shouldStop?: () => boolean;
}

export interface IntervalBound {
  /** A valid lower bound on weightedTotal, or null when stopped or out of time. */
  readonly bound: number | null;
  /** Intervals whose LP was solved to optimality (the others counted without supervision). */
  readonly solvedIntervals: number;
  readonly seconds: number;
}

export async function intervalLpBound(
  instance: PlanningInstance,
  options: IntervalBoundOptions,
): Promise<IntervalBound> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const model = new SearchModel(instance);
  const solver = solverFor(options.solver);
  const { technicians, pharmacists } = availableStaff(model);
  let total = 0;
  let solvedIntervals = 0;
  for (let i = 0; i < model.grid.count; i += 1) {
    if (elapsed() > options.timeLimitSeconds || options.shouldStop?.())
      return { bound: null, solvedIntervals, seconds: elapsed() };
    const lp = intervalModel(model, i, technicians[i], pharmacists[i]);
    const unsupervised = model.evaluator.evaluate(i, technicians[i], [], {
      ignoreSupervision: true,
    }).value;
    if (!lp) {
      total += unsupervised;
      continue;
    }
    const result = await solver.solve(lp, {
      timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - elapsed()),
      relax: true,
    });
    if (result.status === 'OPTIMAL' && result.bound !== null) {
      solvedIntervals += 1;
      const value = result.bound - 1e-6 * Math.max(1, Math.abs(result.bound));
      total += Math.max(value, unsupervised);
    } else total += unsupervised;
  }
  // Each interval counts at least its unsupervised value, so the sum is at least the relaxation
  // bound's B1; its B2 (weekly capacity) is a separate argument.
  const bound = Math.max(total, capacityShortageBound(model)) + minimumWages(model);
  return { bound, solvedIntervals, seconds: elapsed() };
}

/** The most technicians one pharmacist-equivalent may supervise under any tier (see above). */
function generousRatio(rule: SupervisionRule & { kind: 'RATIO' }): number {
  return Math.max(
    0,
    ...rule.tiers.map((tier) => Math.max(tier.firstPharmacist, tier.eachAdditionalPharmacist)),
  );
}

/** Interval i's LP (see the module comment), or null when no technician may work its demand. */
function intervalModel(
  model: SearchModel,
  i: number,
  techs: readonly number[],
  pharms: readonly number[],
): MipModel | null {
  const ev = model.evaluator;
  const slots = ev.demandOf(i);
  const date: LocalDate = model.grid.intervalDates[i];
  const slotOfPair = ev.slotIndexOf(i);
  // Members of a class are interchangeable: same pairs, and the remote flag, which is all that
  // `countsTowardRatio` reads of a technician.
  const classes = new Map<string, { size: number; pairs: readonly number[]; sample: Employee }>();
  for (const e of techs) {
    const pairs = ev.demandedPairs(i, e);
    if (pairs.length === 0) continue;
    const sample = model.employees[e];
    const key = `${sample.remote ? 'R' : 'S'}${pairs.join(',')}`;
    const found = classes.get(key);
    if (found) found.size += 1;
    else classes.set(key, { size: 1, pairs, sample });
  }
  if (classes.size === 0) return null;
  const lp = emptyModel();
  lp.objectiveOffset = ev.baselineOf(i);
  const staffing: number[][] = slots.map(() => []);
  const ratioWork = new Map<number, number[]>();
  let c = 0;
  for (const cls of classes.values()) {
    const cols = cls.pairs.map((pair) => {
      const col = addCol(lp, `a_${c}_${pair}`, 0, cls.size);
      staffing[slotOfPair.get(pair)!].push(col);
      const state = ev.pairState[pair];
      const ruleSet = ev.eligibility.ruleSetOf(state, date);
      const rule = ruleSet?.supervision;
      if (ruleSet && rule?.kind === 'RATIO' && countsTowardRatio(ruleSet, cls.sample))
        ratioWork.set(state, [...(ratioWork.get(state) ?? []), col]);
      return col;
    });
    sumAtMost(lp, `members_${c}`, cols, cls.size);
    c += 1;
  }
  const gains = ev.gainsOf(i);
  slots.forEach((_, j) => {
    const units = gains[j].map((gain, k) => addCol(lp, `u_${j}_${k}`, 0, 1, -gain));
    const staff = staffing[j];
    if (units.length === 0) return;
    addRow(
      lp,
      `staffed_${j}`,
      [...units, ...staff],
      [...units.map(() => 1), ...staff.map(() => -1)],
      'L',
      0,
    );
  });
  addSupervision(lp, model, date, pharms, ratioWork);
  return lp;
}

/** Pharmacist shares and the generous ratio rows (see the module comment). */
function addSupervision(
  lp: MipModel,
  model: SearchModel,
  date: LocalDate,
  pharms: readonly number[],
  ratioWork: ReadonlyMap<number, readonly number[]>,
): void {
  const ev = model.evaluator;
  const shares = new Map<number, number[]>();
  for (const f of pharms) {
    const own: number[] = [];
    for (const state of ratioWork.keys()) {
      if (!ev.eligibility.canSuperviseIndex(f, state, date)) continue;
      const col = addCol(lp, `z_${f}_${state}`, 0, 1);
      own.push(col);
      shares.set(state, [...(shares.get(state) ?? []), col]);
    }
    if (own.length > 0) sumAtMost(lp, `share_${f}`, own, 1);
  }
  for (const [state, work] of ratioWork) {
    const rule = ev.eligibility.ruleSetOf(state, date)!.supervision as SupervisionRule & {
      kind: 'RATIO';
    };
    const ratio = generousRatio(rule);
    const supervisors = shares.get(state) ?? [];
    addRow(
      lp,
      `ratio_${state}`,
      [...work, ...supervisors],
      [...work.map(() => 1), ...supervisors.map(() => -ratio)],
      'L',
      0,
    );
  }
}

/** The row Σ cols <= rhs. */
function sumAtMost(lp: MipModel, name: string, cols: readonly number[], rhs: number): void {
  addRow(
    lp,
    name,
    cols,
    cols.map(() => 1),
    'L',
    rhs,
  );
}

import { checkRoster } from '../../checker/check-roster.js';
import type { ViolationRule } from '../../checker/types.js';
import { Random } from '../../generator/prng.js';
import type { InfeasibilityReport } from '../types.js';
import { DemandProxy } from './demand-proxy.js';
import type { Candidate, SearchModel, Week } from './model.js';

/**
 * The constructive heuristic: a feasible set of weeks, quickly.
 *
 * 1. Pinned shifts are checked alone with the checker: if they already break a rule (time off,
 *    rest, two on a day, ...), no roster can keep them: INFEASIBLE, naming the rules.
 * 2. Technicians, then pharmacists: every employee with a weekly minimum gets shifts until the
 *    minimum is reached, choosing by unmet demand (a proxy: remaining required agents per
 *    (interval, queue, state) the technician is eligible for; for pharmacists the supervision the
 *    technicians placed so far require), and only shifts after which the minimum can still be
 *    completed (a bounded depth-first search over the remaining days proves it). An employee whose
 *    minimum cannot be met is reported (INFEASIBLE) with the rules that block it.
 * 3. Rounds of extra shifts: each employee (seeded order) takes the best remaining shift while its
 *    proxy value exceeds its cost, respecting hours, rest and consecutive days.
 *
 * Allocations and supervision are not decided here: the interval evaluator does that exactly for
 * the resulting on-duty sets, so the weeks alone are a feasible roster.
 */

export interface ConstructOptions {
  readonly seed: number;
  /** Stop adding optional shifts after this instant (performance.now() ms). */
  readonly deadline: number;
  /** Upper bound on extra-shift rounds. */
  readonly rounds?: number;
}

export interface ConstructResult {
  readonly weeks: Week[] | null;
  readonly infeasibility: InfeasibilityReport | null;
  /** The deadline ended the optional rounds early (so the weeks depend on the machine's speed). */
  readonly cutShort: boolean;
}

const DFS_NODE_LIMIT = 20_000;

/** Rules that can make a pinned shift itself impossible. */
const SHIFT_ONLY_RULES: ReadonlySet<ViolationRule> = new Set<ViolationRule>([
  'UNKNOWN_REFERENCE',
  'DUPLICATE_ID',
  'SHIFT_TEMPLATE',
  'OUTSIDE_PLANNING_WEEK',
  'EMPLOYMENT_DATES',
  'AVAILABILITY',
  'TIME_OFF',
  'ONE_SHIFT_PER_DAY',
  'MAX_HOURS_PER_DAY',
  'MAX_HOURS_PER_WEEK',
  'MIN_REST',
  'MAX_CONSECUTIVE_DAYS',
]);

/** Conflicts among the pinned shifts on their own (empty: they can be kept). */
export function pinnedConflicts(model: SearchModel): InfeasibilityReport['conflicts'] {
  const pins = model.instance.pinnedShifts;
  if (pins.length === 0) return [];
  const { violations } = checkRoster(model.instance, {
    shifts: pins,
    allocations: [],
    supervision: [],
  });
  return violations
    .filter((v) => SHIFT_ONLY_RULES.has(v.rule))
    .map((v) => ({
      rules: ['PINNED_SHIFT', v.rule],
      employeeIds: v.employeeIds,
      message: `Pinned shifts break ${v.rule}: ${v.message}`,
    }));
}

/** Largest paid hours among an employee's candidates on each day. */
function maxPaidPerDay(model: SearchModel, employee: number): number[] {
  return model.byDay[employee].map((list) => list.reduce((m, c) => Math.max(m, c.paid), 0));
}

/**
 * Completes `week` to the employee's weekly minimum by depth-first search over the free days
 * (longest shifts first), or null when no completion exists (or the node limit is hit).
 */
export function completeMinimum(model: SearchModel, employee: number, week: Week): Week | null {
  return completeWith(model, employee, week, false) ?? completeWith(model, employee, week, true);
}

function completeWith(
  model: SearchModel,
  employee: number,
  week: Week,
  everyStart: boolean,
): Week | null {
  const min = model.employees[employee].contract.minHoursPerWeek;
  const maxPerDay = maxPaidPerDay(model, employee);
  // Per day, for each shift length only the earliest and the latest start (rest is what differs).
  const options = model.byDay[employee].map((list) => {
    const byPaid = new Map<number, Candidate[]>();
    for (const c of list) byPaid.set(c.paid, [...(byPaid.get(c.paid) ?? []), c]);
    return [...byPaid.entries()]
      .sort(([a], [b]) => b - a)
      .flatMap(([, same]) => {
        const sorted = [...same].sort((a, b) => a.start - b.start);
        const first = sorted[0];
        const last = sorted[sorted.length - 1];
        if (everyStart) return sorted;
        return first === last ? [first] : [first, last];
      });
  });
  let nodes = 0;
  const current = [...week];
  const search = (day: number, hours: number): boolean => {
    if (hours >= min - 1e-9) return true;
    if (day >= 7 || (nodes += 1) > DFS_NODE_LIMIT) return false;
    let potential = hours;
    for (let d = day; d < 7; d += 1) if (current[d] === null) potential += maxPerDay[d];
    if (potential < min - 1e-9) return false;
    if (current[day] !== null) return search(day + 1, hours);
    for (const c of options[day]) {
      current[day] = c;
      if (model.weekAllowed(employee, current) && search(day + 1, hours + c.paid)) return true;
      current[day] = null;
    }
    return search(day + 1, hours);
  };
  if (!model.weekAllowed(employee, current)) return null;
  return search(0, model.hoursOf(current)) ? current : null;
}

/** Why an employee's minimum cannot be met: the rules that block it. */
function minimumConflict(
  model: SearchModel,
  employee: number,
): InfeasibilityReport['conflicts'][number] {
  const e = model.employees[employee];
  const { minHoursPerWeek, maxHoursPerWeek } = e.contract;
  const base = { employeeIds: [e.id] };
  if (minHoursPerWeek > maxHoursPerWeek) {
    return {
      ...base,
      rules: ['MIN_HOURS_PER_WEEK', 'MAX_HOURS_PER_WEEK'],
      message: `${e.id}: minimum ${minHoursPerWeek} h exceeds maximum ${maxHoursPerWeek} h per week`,
    };
  }
  const potential = maxPaidPerDay(model, employee).reduce((sum, h) => sum + h, 0);
  if (potential < minHoursPerWeek - 1e-9) {
    return {
      ...base,
      rules: [
        'MIN_HOURS_PER_WEEK',
        'AVAILABILITY',
        'TIME_OFF',
        'EMPLOYMENT_DATES',
        'MAX_HOURS_PER_DAY',
      ],
      message: `${e.id}: the shifts that fit availability, time off, employment dates and the daily maximum give at most ${potential} paid hours, below the weekly minimum of ${minHoursPerWeek} h`,
    };
  }
  const pinned = model.pinned[employee].some((c) => c !== null);
  return {
    ...base,
    rules: [
      'MIN_HOURS_PER_WEEK',
      'MIN_REST',
      'MAX_CONSECUTIVE_DAYS',
      'MAX_HOURS_PER_WEEK',
      ...(pinned ? ['PINNED_SHIFT'] : []),
    ],
    message: `${e.id}: no week of shifts reaches the minimum of ${minHoursPerWeek} h within rest, consecutive-day and weekly limits${pinned ? ' around the pinned shifts' : ''}`,
  };
}

export function construct(model: SearchModel, options: ConstructOptions): ConstructResult {
  const conflicts = pinnedConflicts(model);
  if (conflicts.length > 0) return { weeks: null, infeasibility: { conflicts }, cutShort: false };
  return new Construction(model, options).run();
}

/** One construction: the weeks being built, the demand proxy they feed, and what failed. */
class Construction {
  private readonly rng: Random;
  private readonly proxy: DemandProxy;
  private readonly weeks: Week[];
  /** Objective value of one agent-interval of shortage (the proxy's unit). */
  private readonly value: number;
  private readonly minimumConflicts: InfeasibilityReport['conflicts'][number][] = [];
  private cutShort = false;

  constructor(
    private readonly model: SearchModel,
    private readonly options: ConstructOptions,
  ) {
    this.rng = new Random(options.seed ^ 0x5eed);
    this.proxy = new DemandProxy(model);
    this.weeks = model.employees.map((_, e) => model.pinnedWeek(e));
    this.value = model.instance.weights.shortage * model.intervalHours;
  }

  run(): ConstructResult {
    const { model, proxy, weeks } = this;
    for (const c of weeks.flat()) if (c) proxy.commit(c);
    for (const e of model.technicians) this.fillMinimum(e);
    this.addRounds(model.technicians);
    proxy.planSupervision(weeks);
    for (const e of model.pharmacists) for (const c of weeks[e]) if (c) proxy.commit(c);
    for (const e of model.pharmacists) this.fillMinimum(e);
    this.addRounds(model.pharmacists);
    const { cutShort } = this;
    if (this.minimumConflicts.length > 0)
      return { weeks: null, infeasibility: { conflicts: this.minimumConflicts }, cutShort };
    return { weeks, infeasibility: null, cutShort };
  }

  /**
   * Shifts by the proxy's score until the employee's weekly minimum is met, each only if the
   * minimum can still be completed after it; else the completion itself, or a conflict.
   */
  private fillMinimum(e: number): void {
    const { model, proxy, weeks } = this;
    const min = model.employees[e].contract.minHoursPerWeek;
    while (model.hoursOf(weeks[e]) < min - 1e-9) {
      const ranked = freeCandidates(model, e, weeks[e])
        .map((c) => ({ c, score: proxy.score(c) }))
        .sort((a, b) => b.score - a.score || b.c.paid - a.c.paid || a.c.start - b.c.start);
      const fits = ranked.slice(0, 40).find(({ c }) => {
        const trial = [...weeks[e]];
        trial[c.day] = c;
        return model.weekAllowed(e, trial) && completeMinimum(model, e, trial) !== null;
      });
      if (fits) {
        weeks[e] = [...weeks[e]];
        weeks[e][fits.c.day] = fits.c;
        proxy.commit(fits.c);
        continue;
      }
      const completed = completeMinimum(model, e, weeks[e]);
      if (!completed) {
        this.minimumConflicts.push(minimumConflict(model, e));
        return;
      }
      completed.forEach((c, day) => {
        if (c && weeks[e][day] === null) proxy.commit(c);
      });
      weeks[e] = completed;
    }
  }

  /** Rounds over the group in random order, each employee adding their best shift if it pays. */
  private addRounds(group: readonly number[]): void {
    const rounds = this.options.rounds ?? 7;
    for (let round = 0; round < rounds; round += 1) {
      let added = 0;
      for (const e of this.rng.shuffle(group)) {
        if (performance.now() > this.options.deadline) {
          this.cutShort = true;
          return;
        }
        const best = this.bestAddition(e);
        if (best) {
          this.weeks[e] = [...this.weeks[e]];
          this.weeks[e][best.day] = best;
          this.proxy.commit(best);
          added += 1;
        }
      }
      if (added === 0) return;
    }
  }

  /** The free-day shift whose proxy value most exceeds its cost, within the week's rules. */
  private bestAddition(e: number): Candidate | null {
    const { model, weeks } = this;
    let best: Candidate | null = null;
    let bestGain = 0;
    const hours = model.hoursOf(weeks[e]);
    const baseCost = model.employeeCost(e, weeks[e]);
    for (const c of freeCandidates(model, e, weeks[e])) {
      if (hours + c.paid > model.employees[e].contract.maxHoursPerWeek + 1e-9) continue;
      const trial = [...weeks[e]];
      trial[c.day] = c;
      const gain = this.value * this.proxy.score(c) - (model.employeeCost(e, trial) - baseCost);
      if (gain > bestGain + 1e-9 && model.weekAllowed(e, trial)) {
        best = c;
        bestGain = gain;
      }
    }
    return best;
  }
}

/** Candidates on the employee's free days. */
export function freeCandidates(model: SearchModel, employee: number, week: Week): Candidate[] {
  const result: Candidate[] = [];
  for (let day = 0; day < 7; day += 1) {
    if (week[day] === null) result.push(...model.byDay[employee][day]);
  }
  return result;
}

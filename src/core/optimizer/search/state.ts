import type { Roster } from '../../model/roster.js';
import type { IntervalOutcome } from './allocation.js';
import type { Candidate, SearchModel, Week } from './model.js';

/**
 * A roster under search, with its objective kept up to date incrementally: the weeks (one
 * optional shift per employee and day), who is on duty in each interval, each interval's best
 * allocation (from the evaluator) and the per-employee terms. `weightedTotal` of the roster
 * built by `toRoster` equals `objective` up to float rounding (tested).
 */

/** A change of one employee's shift on one day (`next` null: no shift that day). */
export interface DayChange {
  readonly employee: number;
  readonly day: number;
  readonly next: Candidate | null;
}

/** A priced move, ready to apply. */
export interface PricedMove {
  readonly changes: readonly DayChange[];
  readonly delta: number;
  readonly outcomes: ReadonlyMap<number, IntervalOutcome>;
  readonly fairness: number;
}

export class RosterState {
  readonly weeks: Week[];
  readonly onDuty: Set<number>[];
  readonly outcomes: IntervalOutcome[];
  readonly hours: Float64Array;
  readonly unpopular: Int32Array;
  readonly employeeCost: Float64Array;
  intervalTotal = 0;
  fairness = 0;
  objective = 0;

  /**
   * `supervisionTrades`: evaluate intervals with the evaluator's supervision trades (slower,
   * sometimes better). The search runs without them; the roster it returns is re-evaluated with.
   */
  constructor(
    readonly model: SearchModel,
    weeks: readonly Week[],
    readonly options: { readonly supervisionTrades?: boolean } = {},
  ) {
    const n = model.employees.length;
    this.weeks = weeks.map((week) => [...week]);
    this.hours = new Float64Array(n);
    this.unpopular = new Int32Array(n);
    this.employeeCost = new Float64Array(n);
    this.onDuty = Array.from({ length: model.grid.count }, () => new Set<number>());
    this.weeks.forEach((week, e) => {
      this.hours[e] = model.hoursOf(week);
      this.unpopular[e] = model.unpopularCount(week);
      this.employeeCost[e] = model.employeeCost(e, week);
      for (const c of week) {
        if (!c) continue;
        for (let i = c.first; i < c.last; i += 1) this.onDuty[i].add(e);
      }
    });
    this.outcomes = this.onDuty.map((people, i) => this.evaluateInterval(i, people));
    this.recompute();
  }

  /** Recomputes the totals from the parts (after many applied moves, to shed float drift). */
  recompute(): void {
    this.intervalTotal = this.outcomes.reduce((sum, o) => sum + o.value, 0);
    this.fairness = this.fairnessOf(new Map());
    const employees = this.employeeCost.reduce((sum, v) => sum + v, 0);
    this.objective =
      this.intervalTotal +
      employees +
      this.fairness +
      this.model.instance.weights.changes * this.model.previousShiftCount;
  }

  private evaluateInterval(i: number, people: Iterable<number>): IntervalOutcome {
    const group: OnDutyGroups = { techs: [], pharms: [] };
    for (const e of people) this.addByRole(group, e);
    return this.evaluateGroups(i, group);
  }

  private addByRole(group: OnDutyGroups, e: number): void {
    (this.model.isTechnician[e] ? group.techs : group.pharms).push(e);
  }

  private evaluateGroups(i: number, { techs, pharms }: OnDutyGroups): IntervalOutcome {
    return this.model.evaluator.evaluate(i, techs, pharms, {
      supervisionTrades: this.options.supervisionTrades ?? false,
    });
  }

  /** Weighted fairness with some employees' hours and unpopular counts replaced. */
  fairnessOf(override: ReadonlyMap<number, { hours: number; unpopular: number }>): number {
    const model = this.model;
    let total = 0;
    for (const group of [model.technicians, model.pharmacists]) {
      if (group.length === 0) continue;
      let minU = Infinity;
      let maxU = -Infinity;
      let minP = Infinity;
      let maxP = -Infinity;
      for (const e of group) {
        const o = override.get(e);
        const u = model.utilisation(e, o ? o.hours : this.hours[e]);
        const p = o ? o.unpopular : this.unpopular[e];
        if (u < minU) minU = u;
        if (u > maxU) maxU = u;
        if (p < minP) minP = p;
        if (p > maxP) maxP = p;
      }
      total += maxU - minU + (maxP - minP);
    }
    return model.instance.weights.fairness * total;
  }

  private isIdle(outcome: IntervalOutcome, employee: number): boolean {
    return !outcome.employs(employee);
  }

  /**
   * The objective change of applying `changes`, with what `apply` needs; null when the change is
   * sure to exceed `cutoff` (the annealing's acceptance threshold or a better alternative's
   * delta), found without pricing every interval: the cheap employee terms come first, then the
   * intervals someone joins, and last those that people only leave, whose value cannot fall (a
   * smaller on-duty set has no better allocation), so the sum so far bounds the total from below.
   */
  price(changes: readonly DayChange[], cutoff = Infinity): PricedMove | null {
    const model = this.model;
    const newWeeks = new Map<number, Week>();
    for (const { employee, day, next } of changes) {
      const week = newWeeks.get(employee) ?? [...this.weeks[employee]];
      week[day] = next;
      newWeeks.set(employee, week);
    }
    let delta = 0;
    const override = new Map<number, { hours: number; unpopular: number }>();
    for (const [e, week] of newWeeks) {
      delta += model.employeeCost(e, week) - this.employeeCost[e];
      override.set(e, { hours: model.hoursOf(week), unpopular: model.unpopularCount(week) });
    }
    const fairness = this.fairnessOf(override);
    delta += fairness - this.fairness;
    const affected = new Set<number>();
    for (const { employee, day, next } of changes) {
      const old = this.weeks[employee][day];
      if (old) for (let i = old.first; i < old.last; i += 1) affected.add(i);
      if (next) for (let i = next.first; i < next.last; i += 1) affected.add(i);
    }
    const outcomes = new Map<number, IntervalOutcome>();
    const leaving: { i: number; people: OnDutyGroups }[] = [];
    for (const i of affected) {
      const change = this.onDutyAfter(i, newWeeks);
      if (!change) continue;
      if (!change.joined) {
        leaving.push({ i, people: change.people });
        continue;
      }
      const outcome = this.evaluateGroups(i, change.people);
      outcomes.set(i, outcome);
      delta += outcome.value - this.outcomes[i].value;
    }
    for (const { i, people } of leaving) {
      if (delta > cutoff) return null;
      const outcome = this.evaluateGroups(i, people);
      outcomes.set(i, outcome);
      delta += outcome.value - this.outcomes[i].value;
    }
    return { changes, delta, outcomes, fairness };
  }

  /**
   * Interval i's on-duty set under the new weeks, and whether anyone joins it who could change
   * its allocation; null when the current outcome stands. It stands when everyone leaving was idle
   * (their allocation and shares stay valid and as good: exact for the flow, a safe choice for
   * supervision) and everyone joining is of no use there (`canContribute`).
   */
  private onDutyAfter(
    i: number,
    newWeeks: ReadonlyMap<number, Week>,
  ): { people: OnDutyGroups; joined: boolean } | null {
    const onDuty = this.onDuty[i];
    const arriving: number[] = [];
    const leaving: number[] = [];
    let joined = false;
    let busyLeft = false;
    for (const [e, week] of newWeeks) {
      const covers = coversInterval(week, i);
      if (covers === onDuty.has(e)) continue;
      if (covers) {
        arriving.push(e);
        if (this.canContribute(i, e)) joined = true;
      } else {
        leaving.push(e);
        if (!this.isIdle(this.outcomes[i], e)) busyLeft = true;
      }
    }
    if (!joined && !busyLeft) return null;
    return { people: this.groupsAfter(i, leaving, arriving), joined };
  }

  /**
   * Interval i's on-duty employees by role, as the evaluator takes them, with `leaving` taken out
   * and `arriving` added (no copy of the set).
   */
  private groupsAfter(
    i: number,
    leaving: readonly number[],
    arriving: readonly number[],
  ): OnDutyGroups {
    const people: OnDutyGroups = { techs: [], pharms: [] };
    for (const e of this.onDuty[i])
      if (leaving.length === 0 || !leaving.includes(e)) this.addByRole(people, e);
    for (const e of arriving) this.addByRole(people, e);
    return people;
  }

  /**
   * Whether employee e joining interval i could lower its value. Not when a technician may work
   * none of the interval's demanded (queue, state) pairs (the evaluator leaves them out), nor when
   * a pharmacist joins an interval where supervision cut nothing: its allocation is then the
   * unsupervised optimum, which no amount of supervision improves.
   */
  private canContribute(i: number, e: number): boolean {
    const model = this.model;
    if (model.isTechnician[e] === 0) {
      const outcome = this.outcomes[i];
      return outcome.ratioBinding.length > 0 || outcome.noSupervisor.length > 0;
    }
    return model.evaluator.worksDemand(i, e);
  }

  /**
   * How much lower interval i's value is with employee e on duty than without, everyone else as
   * now: exact for the evaluator, and 0 without evaluating where e is idle or could not help.
   * The interval terms are separable, so a week's worth to e is the sum over its intervals.
   */
  presenceGain(e: number, i: number): number {
    const current = this.outcomes[i];
    if (this.onDuty[i].has(e)) {
      if (this.isIdle(current, e)) return 0;
      return this.evaluateGroups(i, this.groupsAfter(i, [e], [])).value - current.value;
    }
    if (!this.canContribute(i, e)) return 0;
    return current.value - this.evaluateGroups(i, this.groupsAfter(i, [], [e])).value;
  }

  apply(move: PricedMove): void {
    const model = this.model;
    const touched = new Set<number>();
    for (const { employee, day, next } of move.changes) {
      const old = this.weeks[employee][day];
      if (old) for (let i = old.first; i < old.last; i += 1) this.onDuty[i].delete(employee);
      this.weeks[employee][day] = next;
      touched.add(employee);
    }
    for (const e of touched) {
      for (const c of this.weeks[e]) {
        if (c) for (let i = c.first; i < c.last; i += 1) this.onDuty[i].add(e);
      }
      this.hours[e] = model.hoursOf(this.weeks[e]);
      this.unpopular[e] = model.unpopularCount(this.weeks[e]);
      this.employeeCost[e] = model.employeeCost(e, this.weeks[e]);
    }
    for (const [i, outcome] of move.outcomes) {
      this.intervalTotal += outcome.value - this.outcomes[i].value;
      this.outcomes[i] = outcome;
    }
    this.objective += move.delta;
    this.fairness = move.fairness;
  }

  /** Replaces the roster by `weeks` (e.g. the best so far), recomputing everything. */
  reset(weeks: readonly Week[]): void {
    const fresh = new RosterState(this.model, weeks, this.options);
    weeks.forEach((week, e) => (this.weeks[e] = [...week]));
    fresh.onDuty.forEach((people, i) => (this.onDuty[i] = people));
    fresh.outcomes.forEach((outcome, i) => (this.outcomes[i] = outcome));
    this.hours.set(fresh.hours);
    this.unpopular.set(fresh.unpopular);
    this.employeeCost.set(fresh.employeeCost);
    this.recompute();
  }

  /** A copy of the weeks (for keeping the best roster). */
  snapshot(): Week[] {
    return this.weeks.map((week) => [...week]);
  }

  toRoster(): Roster {
    return this.model.toRoster(this.weeks, this.outcomes);
  }
}

/** An interval's on-duty employees by role (employee indices). */
interface OnDutyGroups {
  readonly techs: number[];
  readonly pharms: number[];
}

function coversInterval(week: Week, i: number): boolean {
  for (const c of week) if (c && c.first <= i && i < c.last) return true;
  return false;
}

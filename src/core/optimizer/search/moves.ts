import type { Random } from '../../generator/prng.js';
import { bestWeek } from './best-week.js';
import type { Candidate, SearchModel, Week } from './model.js';
import type { DayChange, RosterState } from './state.js';

/**
 * The local search's moves, drawn for the current roster: add a shift (making room in a full
 * week), remove one, change a shift for another candidate of the same employee and day (often a
 * nearby start or another length), move a shift to another day, transfer a shift to another
 * employee of the same role, swap two employees' shifts of a day, a targeted shift where service
 * or supervision is short (the worst intervals most often), the best of several alternatives
 * for one employee's day, and one employee's best week given everyone else's (best-week.ts).
 * Every move keeps each employee's week legal (candidates only, weekly maximum, rest, consecutive
 * days, the minimum when removing, pinned shifts untouched). The mix follows the objective each
 * kind gained per millisecond of pricing, measured at the medium and the large size
 * (docs/benchmarks.md): targeted 33 %, best of several for an employee-day 24 %, change 16 %,
 * best week 10 % (about half the search's time: it evaluates every interval the employee could
 * work), remove 6 %, add 4 %, day move 3 %, transfer and swap 2 % each.
 */

const EPSILON = 1e-9;
/** Alternatives priced by the "best of several shifts for one employee-day" move. */
const REDO_ALTERNATIVES = 10;
/** Variants priced when a shift must push another day's shift out of a full week. */
const ROOM_ALTERNATIVES = 2;
/** Colleagues looked at by one transfer move. */
const TRANSFER_TRIES = 4;

export class MoveMaker {
  private shortIntervals: number[] = [];
  /** Running sums of the short intervals' values, for drawing one in proportion to its value. */
  private shortWeights: number[] = [];
  /** (interval, state) pairs whose ratio cut the allocation. */
  private supervisionShort: { interval: number; state: string }[] = [];

  /**
   * `bestWeeks: false`: no best-week moves (another thread proposes them); their share goes to
   * the best of several shifts for an employee-day.
   */
  constructor(
    private readonly model: SearchModel,
    private readonly state: RosterState,
    private readonly rng: Random,
    private readonly options: { readonly bestWeeks?: boolean } = {},
  ) {}

  refreshShortIntervals(): void {
    const model = this.model;
    this.shortIntervals = [];
    this.shortWeights = [];
    this.supervisionShort = [];
    let sum = 0;
    this.state.outcomes.forEach((outcome, i) => {
      if (outcome.value > EPSILON && model.evaluator.demandOf(i).length > 0) {
        this.shortIntervals.push(i);
        sum += outcome.value;
        this.shortWeights.push(sum);
      }
      for (const state of [...outcome.noSupervisor, ...outcome.ratioBinding])
        this.supervisionShort.push({ interval: i, state });
    });
  }

  private allowed(employee: number, week: Week): boolean {
    return this.model.weekAllowed(employee, week);
  }

  private isPinned(employee: number, day: number): boolean {
    return this.model.pinned[employee][day] !== null;
  }

  private randomEmployee(): number {
    return this.rng.int(0, this.model.employees.length - 1);
  }

  /** One or more alternative moves; the caller prices them all and keeps the cheapest. */
  next(): DayChange[][] {
    const roll = this.rng.next();
    const one = (move: DayChange[] | null) => (move ? [move] : []);
    if (roll < 0.04) return this.add();
    if (roll < 0.2) return one(this.change());
    if (roll < 0.26) return one(this.remove());
    if (roll < 0.29) return one(this.moveDay());
    if (roll < 0.31) return one(this.transfer());
    if (roll < 0.33) return one(this.swap());
    if (roll < 0.66) return this.targeted();
    if (roll < 0.76 && this.options.bestWeeks !== false) return this.bestWeekOfOne();
    return this.redoDay();
  }

  /**
   * The ways to give employee `e` the shift `c` (on a day that is not pinned): alone when the
   * week allows it, else with the shift of another day dropped (the week was full: weekly hours,
   * rest or consecutive days), up to ROOM_ALTERNATIVES such variants for the caller to price.
   * Rosters are mostly at their weekly hours, so an added shift usually has to push one out.
   */
  private withRoom(e: number, c: Candidate): DayChange[][] {
    const trial = [...this.state.weeks[e]];
    trial[c.day] = c;
    const place: DayChange = { employee: e, day: c.day, next: c };
    if (this.allowed(e, trial) && this.model.meetsMinimum(e, trial)) return [[place]];
    const others = this.workedDays(e).filter((d) => d !== c.day);
    const moves: DayChange[][] = [];
    for (let k = 0; k < others.length && moves.length < ROOM_ALTERNATIVES; k += 1) {
      const pick = this.rng.int(k, others.length - 1);
      [others[k], others[pick]] = [others[pick], others[k]];
      const day = others[k];
      const dropped = trial[day];
      trial[day] = null;
      if (this.allowed(e, trial) && this.model.meetsMinimum(e, trial))
        moves.push([{ employee: e, day, next: null }, place]);
      trial[day] = dropped;
    }
    return moves;
  }

  /** One employee's best week given everyone else's (best-week.ts). */
  private bestWeekOfOne(): DayChange[][] {
    const changes = bestWeek(this.state, this.randomEmployee());
    return changes ? [changes] : [];
  }

  /** Several alternatives for one employee's day: other shifts, or none. */
  private redoDay(): DayChange[][] {
    const e = this.randomEmployee();
    const day = this.rng.int(0, 6);
    if (this.isPinned(e, day)) return [];
    const week = this.state.weeks[e];
    const options = this.model.byDay[e][day];
    const moves: DayChange[][] = [];
    if (week[day] !== null) {
      const trial = [...week];
      trial[day] = null;
      if (this.model.meetsMinimum(e, trial)) moves.push([{ employee: e, day, next: null }]);
    }
    if (options.length === 0) return moves;
    for (let k = 0; k < REDO_ALTERNATIVES; k += 1) {
      const c = this.rng.pick(options);
      if (c === week[day]) continue;
      const trial = [...week];
      trial[day] = c;
      if (this.allowed(e, trial) && this.model.meetsMinimum(e, trial))
        moves.push([{ employee: e, day, next: c }]);
    }
    return moves;
  }

  private add(): DayChange[][] {
    const e = this.randomEmployee();
    const free = this.freeDays(e);
    if (free.length === 0) return [];
    const day = this.rng.pick(free);
    return this.withRoom(e, this.rng.pick(this.model.byDay[e][day]));
  }

  /** A random employee and one of their worked days that is not pinned; null when they have none. */
  private randomWorkedDay(): { employee: number; day: number } | null {
    const employee = this.randomEmployee();
    const days = this.workedDays(employee);
    return days.length === 0 ? null : { employee, day: this.rng.pick(days) };
  }

  /** Days without a shift on which the employee has candidates. */
  private freeDays(e: number): number[] {
    const week = this.state.weeks[e];
    return [0, 1, 2, 3, 4, 5, 6].filter(
      (d) => week[d] === null && this.model.byDay[e][d].length > 0,
    );
  }

  private workedDays(e: number): number[] {
    const week = this.state.weeks[e];
    return [0, 1, 2, 3, 4, 5, 6].filter((d) => week[d] !== null && !this.isPinned(e, d));
  }

  private change(): DayChange[] | null {
    const worked = this.randomWorkedDay();
    if (!worked) return null;
    const { employee: e, day } = worked;
    const current = this.state.weeks[e][day]!;
    const options = this.model.byDay[e][day];
    let c: Candidate;
    if (this.rng.chance(0.6)) {
      const shift = this.rng.pick([-2, -1, 1, 2]) * this.model.grid.intervalMs;
      const near = options.filter(
        (o) =>
          (o.start === current.start + shift && o.end === current.end + shift) ||
          (o.start === current.start && o.end !== current.end) ||
          (o.end === current.end && o.start !== current.start),
      );
      if (near.length === 0) return null;
      c = this.rng.pick(near);
    } else {
      c = this.rng.pick(options);
    }
    if (c === current) return null;
    const trial = [...this.state.weeks[e]];
    trial[day] = c;
    if (!this.allowed(e, trial) || !this.model.meetsMinimum(e, trial)) return null;
    return [{ employee: e, day, next: c }];
  }

  private remove(): DayChange[] | null {
    const worked = this.randomWorkedDay();
    if (!worked) return null;
    const { employee: e, day } = worked;
    const trial = [...this.state.weeks[e]];
    trial[day] = null;
    return this.model.meetsMinimum(e, trial) ? [{ employee: e, day, next: null }] : null;
  }

  private moveDay(): DayChange[] | null {
    const worked = this.randomWorkedDay();
    if (!worked) return null;
    const { employee: e, day: from } = worked;
    const week = this.state.weeks[e];
    const free = this.freeDays(e);
    if (free.length === 0) return null;
    const to = this.rng.pick(free);
    const current = week[from]!;
    const sameLength = this.model.byDay[e][to].filter((c) => c.paid === current.paid);
    const c = this.rng.pick(sameLength.length > 0 ? sameLength : this.model.byDay[e][to]);
    const trial = [...week];
    trial[from] = null;
    trial[to] = c;
    if (!this.allowed(e, trial) || !this.model.meetsMinimum(e, trial)) return null;
    return [
      { employee: e, day: from, next: null },
      { employee: e, day: to, next: c },
    ];
  }

  private transfer(): DayChange[] | null {
    const worked = this.randomWorkedDay();
    if (!worked) return null;
    const { employee: a, day } = worked;
    const shift = this.state.weeks[a][day]!;
    const group = this.model.isTechnician[a] ? this.model.technicians : this.model.pharmacists;
    // Most colleagues already work that day or cannot take a similar shift: look at a few.
    let b = -1;
    let options: Candidate[] = [];
    for (let tries = 0; tries < TRANSFER_TRIES && options.length === 0; tries += 1) {
      b = this.rng.pick(group);
      if (b === a) continue;
      const weekB = this.state.weeks[b];
      options = this.model.candidates[b].filter(
        (c) =>
          weekB[c.day] === null &&
          Math.abs(c.start - shift.start) <= 2 * this.model.grid.intervalMs &&
          c.paid === shift.paid,
      );
    }
    if (options.length === 0) return null;
    const c = this.rng.pick(options);
    const trialA = [...this.state.weeks[a]];
    trialA[day] = null;
    const trialB = [...this.state.weeks[b]];
    trialB[c.day] = c;
    if (!this.model.meetsMinimum(a, trialA) || !this.allowed(b, trialB)) return null;
    return [
      { employee: a, day, next: null },
      { employee: b, day: c.day, next: c },
    ];
  }

  /** Two employees of the same role exchange their shifts of one day. */
  private swap(): DayChange[] | null {
    const worked = this.randomWorkedDay();
    if (!worked) return null;
    const { employee: a, day } = worked;
    const group = this.model.isTechnician[a] ? this.model.technicians : this.model.pharmacists;
    const b = this.rng.pick(group);
    const mine = this.state.weeks[a][day]!;
    const theirs = this.state.weeks[b][day];
    if (b === a || !theirs || this.isPinned(b, day)) return null;
    const forB = this.model.byDay[b][day].find((c) => c.start === mine.start && c.end === mine.end);
    const forA = this.model.byDay[a][day].find(
      (c) => c.start === theirs.start && c.end === theirs.end,
    );
    if (!forA || !forB) return null;
    const trialA = [...this.state.weeks[a]];
    trialA[day] = forA;
    const trialB = [...this.state.weeks[b]];
    trialB[day] = forB;
    if (
      !this.allowed(a, trialA) ||
      !this.allowed(b, trialB) ||
      !this.model.meetsMinimum(a, trialA) ||
      !this.model.meetsMinimum(b, trialB)
    )
      return null;
    return [
      { employee: a, day, next: forA },
      { employee: b, day, next: forB },
    ];
  }

  /**
   * Where service is short: a pharmacist who may supervise a state whose ratio cut the work, or a
   * technician eligible for the interval's demand, takes a shift covering the interval (making
   * room in a full week by dropping another day's shift). Only employees with a candidate
   * covering the interval are drawn.
   */
  private targeted(): DayChange[][] {
    const model = this.model;
    let i: number;
    let able: number[];
    if (this.supervisionShort.length > 0 && this.rng.chance(0.4)) {
      const pick = this.rng.pick(this.supervisionShort);
      i = pick.interval;
      const date = model.grid.intervalDates[i];
      able = this.offDutyCoverers(
        i,
        (p) =>
          model.isTechnician[p] === 0 &&
          model.evaluator.eligibility.canSupervise(p, pick.state, date),
      );
    } else {
      if (this.shortIntervals.length === 0) return this.add();
      i = this.costlyShortInterval();
      const shortAt = i;
      able = this.offDutyCoverers(
        i,
        (t) => model.isTechnician[t] === 1 && model.evaluator.worksDemand(shortAt, t),
      );
    }
    if (able.length === 0) return [];
    const e = this.rng.pick(able);
    const covering = model.candidates[e].filter(
      (c) => c.first <= i && i < c.last && !this.isPinned(e, c.day),
    );
    if (covering.length === 0) return [];
    return this.withRoom(e, this.rng.pick(covering));
  }

  /** A short interval drawn in proportion to its value (the worst shortfalls most often). */
  private costlyShortInterval(): number {
    const weights = this.shortWeights;
    const target = this.rng.next() * weights[weights.length - 1];
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (weights[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.shortIntervals[low];
  }

  /** Employees off duty in interval i with a candidate covering it, among those `wanted`. */
  private offDutyCoverers(i: number, wanted: (employee: number) => boolean): number[] {
    const onDuty = this.state.onDuty[i];
    const found: number[] = [];
    for (const e of this.model.coverers[i]) if (!onDuty.has(e) && wanted(e)) found.push(e);
    return found;
  }
}

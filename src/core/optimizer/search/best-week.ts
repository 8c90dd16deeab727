import { HOUR_MS, MINUTE_MS } from '../../time/dates.js';
import type { Candidate, SearchModel, Week, WorkingTally } from './model.js';
import type { DayChange, RosterState } from './state.js';

/**
 * One employee's best week with everyone else's shifts as they are (a best response), as the
 * changes to make, or null when it is the current week.
 *
 * Given the others, the interval terms are separable: the worth of being on duty in interval t is
 * g(t) = `RosterState.presenceGain`, and a shift c is worth W(c) = Σ_{t∈c} g(t) − cost(c), with
 * cost(c) its wages at the straight rate, preference points and changes. A dynamic programme over
 * the days, with state (end of the last shift, consecutive days worked, paid hours: the
 * `WorkingTally` that `weekAllowed` keeps, stepped by the same `tallyAfterDay`), finds the week
 * of most total worth that keeps rest, consecutive days and the weekly maximum and minimum
 * (pinned days fixed), among all of each day's candidates, its current shift and none. Overtime
 * and fairness are not in W: the move is priced exactly afterwards like any other.
 *
 * Unlike moves that change one day, it can move an employee's hours from where they are worth
 * least to where they are worth most in one step — what a pharmacist at their weekly maximum
 * needs to follow the supervision shortfall.
 */
export function bestWeek(state: RosterState, e: number): DayChange[] | null {
  const model = state.model;
  const gains = new Map<number, number>();
  const gainAt = (i: number): number => {
    let gain = gains.get(i);
    if (gain === undefined) {
      gain = state.presenceGain(e, i);
      gains.set(i, gain);
    }
    return gain;
  };
  const baseCost = model.employeeCost(e, EMPTY_WEEK);
  const worth = (c: Candidate): number => {
    let total = 0;
    for (let i = c.first; i < c.last; i += 1) total += gainAt(i);
    const single: Week = [null, null, null, null, null, null, null];
    single[c.day] = c;
    return total - (model.employeeCost(e, single) - baseCost);
  };
  const current = state.weeks[e];
  const options = [0, 1, 2, 3, 4, 5, 6].map((day) => dayOptions(model, e, day, current, worth));
  const week = bestLegalWeek(model, e, options);
  if (!week) return null;
  const changes: DayChange[] = [];
  week.forEach((c, day) => {
    if (c !== current[day]) changes.push({ employee: e, day, next: c });
  });
  return changes.length > 0 ? changes : null;
}

const EMPTY_WEEK: Week = [null, null, null, null, null, null, null];

/** A day's choice in the dynamic programme: a shift (null: none) and its worth. */
export interface Option {
  readonly shift: Candidate | null;
  readonly worth: number;
}

/**
 * A day's options: every candidate (the programme is cheap next to the worths, and keeping only
 * each day's best few by worth lost the weeks that need a lesser shift to fit the weekly hours or
 * rest: docs/benchmarks.md), the current shift if it is not one of them, and none.
 */
function dayOptions(
  model: SearchModel,
  e: number,
  day: number,
  current: Week,
  worth: (c: Candidate) => number,
): Option[] {
  const pinned = model.pinned[e][day];
  if (pinned) return [{ shift: pinned, worth: 0 }];
  const candidates = model.byDay[e][day];
  const options: Option[] = candidates.map((shift) => ({ shift, worth: worth(shift) }));
  const mine = current[day];
  if (mine && !candidates.includes(mine)) options.push({ shift: mine, worth: worth(mine) });
  options.push({ shift: null, worth: 0 });
  return options;
}

/** A partial week in the dynamic programme: its last day's choice and the path to it. */
interface Step {
  readonly worth: number;
  readonly shift: Candidate | null;
  readonly previous: Step | null;
  readonly tally: WorkingTally;
}

/**
 * The legal week (rest, consecutive days, weekly maximum and minimum) of most total worth, one
 * option per day (exported for its test against enumeration).
 */
export function bestLegalWeek(
  model: SearchModel,
  e: number,
  options: readonly (readonly Option[])[],
): Week | null {
  const start: Step = { worth: 0, shift: null, previous: null, tally: model.tallyBeforeWeek(e) };
  const restMs = model.employees[e].contract.minRestHours * HOUR_MS;
  const earliest = earliestLaterStarts(options);
  let steps = new Map<number, Step>([[0, start]]);
  options.forEach((dayOptions, day) => {
    const next = new Map<number, Step>();
    for (const step of steps.values()) {
      for (const { shift, worth } of dayOptions) {
        const tally = model.tallyAfterDay(e, step.tally, shift);
        if (!tally) continue;
        const key = tallyKey(tally, restMs, earliest[day]);
        const known = next.get(key);
        if (!known || step.worth + worth > known.worth)
          next.set(key, { worth: step.worth + worth, shift, previous: step, tally });
      }
    }
    steps = next;
  });
  let best: Step | null = null;
  for (const step of steps.values()) {
    if (!model.meetsMinimumHours(e, step.tally.hours)) continue;
    if (!best || step.worth > best.worth) best = step;
  }
  if (!best) return null;
  const week: Week = [];
  for (let step: Step | null = best; step && step !== start; step = step.previous) {
    week.unshift(step.shift);
  }
  return week;
}

/** Per day: the earliest start among the later days' options (Infinity when there is none). */
function earliestLaterStarts(options: readonly (readonly Option[])[]): number[] {
  const earliest = new Array<number>(options.length).fill(Infinity);
  for (let day = options.length - 2; day >= 0; day -= 1) {
    earliest[day] = earliest[day + 1];
    for (const { shift } of options[day + 1])
      if (shift && shift.start < earliest[day]) earliest[day] = shift.start;
  }
  return earliest;
}

/**
 * The dynamic programme's state as a number. The last shift's end is part of it only while it
 * could still cut a later option's rest: once it cannot, tallies that differ only there have the
 * same futures and merge (most do: a day shift's end rarely reaches the next day's starts). Paid
 * hours are whole minutes and runs short, so the fields pack exactly below 2^53.
 */
function tallyKey(tally: WorkingTally, restMs: number, earliestLater: number): number {
  const binds = tally.lastEnd !== null && tally.lastEnd + restMs > earliestLater;
  const end = binds ? Math.round(tally.lastEnd / MINUTE_MS) + 1 : 0;
  return (end * 256 + tally.run) * 16_384 + Math.round(tally.hours * 60);
}

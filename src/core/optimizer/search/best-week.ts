import type { Candidate, SearchModel, Week, WorkingTally } from './model.js';
import type { DayChange, RosterState } from './state.js';

/** Candidates per day the best-week search chooses among (by worth), besides the current and none. */
const OPTIONS_PER_DAY = 6;

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
 * (pinned days fixed), among each day's OPTIONS_PER_DAY best candidates, its current shift and
 * none. Overtime and fairness are not in W: the move is priced exactly afterwards like any other.
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

interface Option {
  readonly shift: Candidate | null;
  readonly worth: number;
}

function dayOptions(
  model: SearchModel,
  e: number,
  day: number,
  current: Week,
  worth: (c: Candidate) => number,
): Option[] {
  const pinned = model.pinned[e][day];
  if (pinned) return [{ shift: pinned, worth: 0 }];
  const ranked = model.byDay[e][day]
    .map((shift) => ({ shift, worth: worth(shift) }))
    .sort((a, b) => b.worth - a.worth);
  const kept: Option[] = ranked.slice(0, OPTIONS_PER_DAY);
  const mine = current[day];
  if (mine && !kept.some((o) => o.shift === mine)) {
    kept.push(ranked.find((o) => o.shift === mine) ?? { shift: mine, worth: worth(mine) });
  }
  kept.push({ shift: null, worth: 0 });
  return kept;
}

/** A partial week in the dynamic programme: its last day's choice and the path to it. */
interface Step {
  readonly worth: number;
  readonly shift: Candidate | null;
  readonly previous: Step | null;
  readonly tally: WorkingTally;
}

/** The legal week (rest, consecutive days, weekly maximum and minimum) of most total worth. */
function bestLegalWeek(model: SearchModel, e: number, options: Option[][]): Week | null {
  const start: Step = { worth: 0, shift: null, previous: null, tally: model.tallyBeforeWeek(e) };
  let steps = new Map<string, Step>([['', start]]);
  for (const dayOptions of options) {
    const next = new Map<string, Step>();
    for (const step of steps.values()) {
      for (const { shift, worth } of dayOptions) {
        const tally = model.tallyAfterDay(e, step.tally, shift);
        if (!tally) continue;
        const key = `${tally.lastEnd}|${tally.run}|${tally.hours}`;
        const known = next.get(key);
        if (!known || step.worth + worth > known.worth)
          next.set(key, { worth: step.worth + worth, shift, previous: step, tally });
      }
    }
    steps = next;
  }
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

import type { ShortageExplanation, ShortageReason } from '../types.js';
import type { IntervalOutcome } from './allocation.js';
import type { SearchModel, Week } from './model.js';

/**
 * Why service is short, per (interval, state, queue) with a shortage in the final roster. Reasons,
 * most specific first:
 * - NO_LICENSED_TECHNICIAN: no technician of the instance may work the queue for the state that
 *   day (skills, licence, remote-task rules);
 * - AVAILABILITY: some may, but none of them can be on a shift then (availability, time off,
 *   employment dates, templates);
 * - NO_ELIGIBLE_SUPERVISOR / SUPERVISION_RATIO_BINDING: the state's ratio cut the allocation, with
 *   no on-duty pharmacist allowed to supervise it / with too little supervision capacity;
 * - HOURS_OR_REST_LIMITS: every eligible technician who is off duty then cannot take a shift
 *   covering the interval without breaking their weekly maximum, rest, consecutive days or one
 *   shift per day;
 * - COST_TRADE_OFF: otherwise someone could have covered it, but the search judged the cost
 *   (wages, other intervals, fairness) higher; on-duty eligible technicians may have been placed
 *   on work of more value.
 */
export function explainShortages(
  model: SearchModel,
  weeks: readonly Week[],
  outcomes: readonly IntervalOutcome[],
): ShortageExplanation[] {
  const ev = model.evaluator;
  const cover = new CoverProbe(model, weeks);
  const explanations: ShortageExplanation[] = [];
  outcomes.forEach((outcome, i) => {
    const staffed = new Map<number, number>();
    for (const a of outcome.allocations) staffed.set(a.pair, (staffed.get(a.pair) ?? 0) + 1);
    const date = model.grid.intervalDates[i];
    for (const slot of ev.demandOf(i)) {
      const short = slot.required - (staffed.get(slot.pair) ?? 0);
      if (short <= 1e-9) continue;
      const state = ev.states[ev.pairState[slot.pair]];
      const queueId = ev.pairQueue[slot.pair];
      const eligible = model.technicians.filter((e) =>
        ev.eligibility.eligiblePairs(e, date).includes(slot.pair),
      );
      const reasons: ShortageReason[] =
        eligible.length === 0
          ? [
              {
                kind: 'NO_LICENSED_TECHNICIAN',
                message: `No technician may work ${queueId} for ${state} on ${date} (skills, licence or remote-task rules)`,
              },
            ]
          : reasonsWithEligible(cover, outcome, i, state, eligible);
      explanations.push({ intervalIndex: i, state, queueId, shortStaff: short, reasons });
    }
  });
  return explanations;
}

/** Where the roster's technicians are and could be: on duty, on a candidate, or able to take one. */
class CoverProbe {
  private readonly canCover = new Map<string, boolean>();

  constructor(
    private readonly model: SearchModel,
    private readonly weeks: readonly Week[],
  ) {}

  onDuty(e: number, i: number): boolean {
    return this.weeks[e].some((c) => c !== null && c.first <= i && i < c.last);
  }

  /** Some candidate or pin of e covers interval i (availability, time off, employment, templates). */
  availableAt(e: number, i: number): boolean {
    const { model } = this;
    return (
      model.candidates[e].some((c) => c.first <= i && i < c.last) ||
      model.pinned[e].some((c) => c !== null && c.first <= i && i < c.last)
    );
  }

  /** e could take a shift covering i in place of that day's, within hours, rest and days. */
  coverable(e: number, i: number): boolean {
    const key = `${e}|${i}`;
    let found = this.canCover.get(key);
    if (found === undefined) {
      const { model } = this;
      found = model.candidates[e].some((c) => {
        if (c.first > i || i >= c.last || model.pinned[e][c.day] !== null) return false;
        const trial = [...this.weeks[e]];
        trial[c.day] = c;
        return model.weekAllowed(e, trial) && model.meetsMinimum(e, trial);
      });
      this.canCover.set(key, found);
    }
    return found;
  }
}

/** The reasons of a short (t, q, S) that some technician may work, most specific first. */
function reasonsWithEligible(
  cover: CoverProbe,
  outcome: IntervalOutcome,
  i: number,
  state: string,
  eligible: readonly number[],
): ShortageReason[] {
  const reasons: ShortageReason[] = [];
  const reachable = eligible.filter((e) => cover.availableAt(e, i));
  if (reachable.length === 0) {
    reasons.push({
      kind: 'AVAILABILITY',
      message: `None of the ${eligible.length} eligible technician(s) can be on a shift then (availability, time off, employment dates)`,
    });
  }
  const noSupervisor = outcome.noSupervisor.includes(state);
  const ratioBinding = outcome.ratioBinding.includes(state);
  if (noSupervisor) {
    reasons.push({
      kind: 'NO_ELIGIBLE_SUPERVISOR',
      message: `No on-duty pharmacist may supervise ${state} in this interval`,
    });
  } else if (ratioBinding) {
    reasons.push({
      kind: 'SUPERVISION_RATIO_BINDING',
      message: `The ${state} supervision ratio limits the technicians working for ${state}`,
    });
  }
  if (reachable.length === 0) return reasons;
  const off = reachable.filter((e) => !cover.onDuty(e, i));
  const blocked = off.every((e) => !cover.coverable(e, i));
  if (off.length > 0 && blocked) {
    reasons.push({
      kind: 'HOURS_OR_REST_LIMITS',
      message: `The ${off.length} eligible technician(s) off duty cannot take a shift covering it within hours, rest or consecutive-day limits`,
    });
  }
  if ((off.length > 0 && !blocked) || (off.length === 0 && !noSupervisor && !ratioBinding)) {
    reasons.push({
      kind: 'COST_TRADE_OFF',
      message:
        off.length === 0
          ? 'All eligible technicians on duty are placed on work of more value'
          : 'An eligible technician could cover it; the search judged the cost higher',
    });
  }
  return reasons;
}

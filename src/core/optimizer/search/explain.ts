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
  const explanations: ShortageExplanation[] = [];
  const canCover = new Map<string, boolean>();
  const coverable = (e: number, i: number): boolean => {
    const key = `${e}|${i}`;
    let found = canCover.get(key);
    if (found === undefined) {
      found = false;
      for (const c of model.candidates[e]) {
        if (c.first > i || i >= c.last || model.pinned[e][c.day] !== null) continue;
        const trial = [...weeks[e]];
        trial[c.day] = c;
        if (model.weekAllowed(e, trial) && model.meetsMinimum(e, trial)) {
          found = true;
          break;
        }
      }
      canCover.set(key, found);
    }
    return found;
  };
  const onDuty = (e: number, i: number) =>
    weeks[e].some((c) => c !== null && c.first <= i && i < c.last);
  const availableAt = (e: number, i: number) =>
    model.candidates[e].some((c) => c.first <= i && i < c.last) ||
    model.pinned[e].some((c) => c !== null && c.first <= i && i < c.last);

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
      const reasons: ShortageReason[] = [];
      if (eligible.length === 0) {
        reasons.push({
          kind: 'NO_LICENSED_TECHNICIAN',
          message: `No technician may work ${queueId} for ${state} on ${date} (skills, licence or remote-task rules)`,
        });
      } else {
        const reachable = eligible.filter((e) => availableAt(e, i));
        if (reachable.length === 0) {
          reasons.push({
            kind: 'AVAILABILITY',
            message: `None of the ${eligible.length} eligible technician(s) can be on a shift then (availability, time off, employment dates)`,
          });
        }
        if (outcome.noSupervisor.includes(state)) {
          reasons.push({
            kind: 'NO_ELIGIBLE_SUPERVISOR',
            message: `No on-duty pharmacist may supervise ${state} in this interval`,
          });
        } else if (outcome.ratioBinding.includes(state)) {
          reasons.push({
            kind: 'SUPERVISION_RATIO_BINDING',
            message: `The ${state} supervision ratio limits the technicians working for ${state}`,
          });
        }
        if (reachable.length > 0) {
          const off = reachable.filter((e) => !onDuty(e, i));
          const blocked = off.every((e) => !coverable(e, i));
          if (off.length > 0 && blocked) {
            reasons.push({
              kind: 'HOURS_OR_REST_LIMITS',
              message: `The ${off.length} eligible technician(s) off duty cannot take a shift covering it within hours, rest or consecutive-day limits`,
            });
          }
          const supervisionExplains =
            outcome.noSupervisor.includes(state) || outcome.ratioBinding.includes(state);
          if ((off.length > 0 && !blocked) || (off.length === 0 && !supervisionExplains)) {
            reasons.push({
              kind: 'COST_TRADE_OFF',
              message:
                off.length === 0
                  ? 'All eligible technicians on duty are placed on work of more value'
                  : 'An eligible technician could cover it; the search judged the cost higher',
            });
          }
        }
      }
      explanations.push({ intervalIndex: i, state, queueId, shortStaff: short, reasons });
    }
  });
  return explanations;
}

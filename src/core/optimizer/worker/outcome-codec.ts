import type { StateCode } from '../../model/common.js';
import { type IntervalOutcome, intervalOutcome } from '../search/interval-outcome.js';

/**
 * Interval outcomes as one flat array, for the best-week helper's messages (a structured clone of
 * numbers costs the sending search far less than one of nested objects). Per interval: its index
 * and value, then counted lists of the allocations (employee, pair), the supervision shares
 * (employee, state index, share), and the state indices of `ratioBinding` and `noSupervisor`.
 * State indices are into the evaluator's `states`, the same on both threads.
 */
export function encodeOutcomes(
  states: readonly StateCode[],
  outcomes: ReadonlyMap<number, IntervalOutcome>,
): Float64Array {
  const codes: number[] = [];
  const stateList = (list: readonly StateCode[]) => {
    codes.push(list.length);
    for (const state of list) codes.push(states.indexOf(state));
  };
  for (const [interval, outcome] of outcomes) {
    // By index: the allocation list is built only when read, and most outcomes sent are not.
    const count = outcome.allocationCount;
    codes.push(interval, outcome.value, count);
    for (let k = 0; k < count; k += 1)
      codes.push(outcome.allocatedEmployee(k), outcome.allocatedPair(k));
    codes.push(outcome.shares.length);
    for (const { employee, state, share } of outcome.shares)
      codes.push(employee, states.indexOf(state), share);
    stateList(outcome.ratioBinding);
    stateList(outcome.noSupervisor);
  }
  return Float64Array.from(codes);
}

export function decodeOutcomes(
  states: readonly StateCode[],
  codes: ArrayLike<number>,
): Map<number, IntervalOutcome> {
  const outcomes = new Map<number, IntervalOutcome>();
  let at = 0;
  const next = () => codes[at++];
  const stateList = () => Array.from({ length: next() }, () => states[next()]);
  while (at < codes.length) {
    const interval = next();
    const value = next();
    const allocations = Array.from({ length: next() }, () => ({ employee: next(), pair: next() }));
    const shares = Array.from({ length: next() }, () => ({
      employee: next(),
      state: states[next()],
      share: next(),
    }));
    const ratioBinding = stateList();
    const noSupervisor = stateList();
    outcomes.set(
      interval,
      intervalOutcome({ value, allocations, shares, ratioBinding, noSupervisor }),
    );
  }
  return outcomes;
}

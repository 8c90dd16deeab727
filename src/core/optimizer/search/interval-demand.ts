import type { PlanningInstance } from '../../model/instance.js';
import type { SupervisionRule } from '../../model/jurisdiction.js';
import type { TimeGrid } from '../../time/grid.js';
import type { EligibilityTable } from './eligibility-table.js';
import type { WorkingAllocation } from './supervision-split.js';

/**
 * The week's demand as the interval evaluator values it: per interval, the demanded (queue,
 * state) pairs (demand slots), the value with nobody allocated, each slot's marginal benefit per
 * extra agent, and the value of an allocation (shortage, over-staffing and lost service value;
 * wages and the other terms depend on shifts only). Everything per interval is built once, on
 * first use.
 */

export interface DemandSlot {
  readonly pair: number;
  readonly required: number;
  readonly values: readonly number[];
}

const NONE_RULE: SupervisionRule = { kind: 'NONE' };

export class IntervalDemand {
  private readonly demand: DemandSlot[][];
  /** Baseline value per interval: nobody allocated. */
  private readonly baseline: Float64Array;
  private readonly slotIndexes: (Map<number, number> | undefined)[] = [];
  private readonly gainLists: (number[][] | undefined)[] = [];
  /** Per interval: its demanded states with a supervision ratio, and their rules. */
  private readonly ratioRules: (ReadonlyMap<number, SupervisionRule> | undefined)[] = [];
  /** Staff per pair while an allocation's value is summed (all zero between sums). */
  private readonly staffOfPair: Int32Array;

  constructor(
    private readonly instance: PlanningInstance,
    private readonly eligibility: EligibilityTable,
    private readonly grid: TimeGrid,
    private readonly intervalHours: number,
  ) {
    const count = grid.count;
    this.staffOfPair = new Int32Array(eligibility.pairState.length);
    this.demand = Array.from({ length: count }, () => []);
    this.baseline = new Float64Array(count);
    const w = instance.weights;
    for (const entry of instance.demand) {
      const pair = eligibility.pairOf(entry.queueId, entry.state);
      if (entry.intervalIndex < 0 || entry.intervalIndex >= count) continue;
      const values = entry.marginalValues ?? [];
      this.baseline[entry.intervalIndex] +=
        w.shortage * Math.max(0, entry.required) * intervalHours +
        w.lostServiceValue * values.reduce((sum, v) => sum + v, 0);
      if (pair < 0) continue;
      this.demand[entry.intervalIndex].push({ pair, required: entry.required, values });
    }
  }

  /** Demand entries of an interval (pairs, required, service values). */
  slotsOf(intervalIndex: number): readonly DemandSlot[] {
    return this.demand[intervalIndex];
  }

  baselineOf(intervalIndex: number): number {
    return this.baseline[intervalIndex];
  }

  /** Slot index (into `slotsOf(i)`) of each demanded pair of interval i. */
  slotIndexOf(intervalIndex: number): ReadonlyMap<number, number> {
    let found = this.slotIndexes[intervalIndex];
    if (!found) {
      found = new Map(this.demand[intervalIndex].map((slot, k) => [slot.pair, k]));
      this.slotIndexes[intervalIndex] = found;
    }
    return found;
  }

  /** The states among interval i's demanded pairs with a supervision ratio. */
  ratioRulesOf(intervalIndex: number): ReadonlyMap<number, SupervisionRule> {
    let found = this.ratioRules[intervalIndex];
    if (!found) {
      const date = this.grid.intervalDates[intervalIndex];
      const rules = new Map<number, SupervisionRule>();
      for (const slot of this.demand[intervalIndex]) {
        const s = this.eligibility.pairState[slot.pair];
        if (rules.has(s)) continue;
        const rule = this.eligibility.ruleSetOf(s, date)?.supervision ?? NONE_RULE;
        if (rule.kind === 'RATIO') rules.set(s, rule);
      }
      found = rules;
      this.ratioRules[intervalIndex] = found;
    }
    return found;
  }

  /** Value of an allocation given as staff counts per pair (no rule is checked). */
  valueOfCounts(intervalIndex: number, counts: ReadonlyMap<number, number>): number {
    let value = 0;
    const demanded = new Set<number>();
    for (const slot of this.demand[intervalIndex]) {
      demanded.add(slot.pair);
      value = this.addSlotValue(value, slot, counts.get(slot.pair) ?? 0);
    }
    for (const [pair, staff] of counts) {
      if (!demanded.has(pair)) value += this.overstaffingValue(staff);
    }
    return value;
  }

  /**
   * `valueOfCounts` of a working allocation, summed in the same order, counting in a buffer
   * instead of a map and a set per call (it runs once per evaluation).
   */
  valueOfAllocation(intervalIndex: number, allocation: WorkingAllocation): number {
    const staffOf = this.staffOfPair;
    for (let k = 0; k < allocation.length; k += 1) staffOf[allocation.pairs[k]] += 1;
    let value = 0;
    for (const slot of this.demand[intervalIndex])
      value = this.addSlotValue(value, slot, staffOf[slot.pair]);
    // Pairs without demand (the evaluator's classes work demanded pairs only, but the value
    // must not depend on that), in order of first appearance as the map's would be; the buffer
    // is left all zero.
    const slotOf = this.slotIndexOf(intervalIndex);
    for (let k = 0; k < allocation.length; k += 1) {
      const pair = allocation.pairs[k];
      if (staffOf[pair] > 0 && !slotOf.has(pair)) value += this.overstaffingValue(staffOf[pair]);
      staffOf[pair] = 0;
    }
    return value;
  }

  /**
   * `value` plus a demand slot's shortage, over-staffing and lost service value with `staff`
   * agents, added term by term (the same float sums in both callers).
   */
  private addSlotValue(value: number, slot: DemandSlot, staff: number): number {
    const w = this.instance.weights;
    const h = this.intervalHours;
    value += w.shortage * Math.max(0, slot.required - staff) * h;
    value += w.overstaffing * Math.max(0, staff - slot.required) * h;
    for (let k = staff; k < slot.values.length; k += 1)
      value += w.lostServiceValue * slot.values[k];
    return value;
  }

  private overstaffingValue(staff: number): number {
    return this.instance.weights.overstaffing * staff * this.intervalHours;
  }

  /**
   * Per demand slot of interval i, the positive marginal benefits of its 1st, 2nd, ... agent
   * (non-increasing: concave service).
   */
  gainsOf(intervalIndex: number): readonly number[][] {
    let found = this.gainLists[intervalIndex];
    if (!found) {
      found = this.demand[intervalIndex].map((slot) => {
        const list: number[] = [];
        // No slot can take more agents than there are employees (the bound if weights go wrong).
        for (let k = 0; k < this.instance.employees.length; k += 1) {
          const gain = this.benefit(slot, k);
          if (gain <= 1e-12) break;
          list.push(gain);
        }
        return list;
      });
      this.gainLists[intervalIndex] = found;
    }
    return found;
  }

  /** Marginal benefit of the (k+1)-th agent on a slot (k agents already there). */
  private benefit(slot: DemandSlot, k: number): number {
    const w = this.instance.weights;
    const h = this.intervalHours;
    const short = Math.min(1, Math.max(0, slot.required - k));
    const over = Math.min(1, Math.max(0, k + 1 - slot.required));
    return (
      w.shortage * h * short +
      w.lostServiceValue * (slot.values[k] ?? 0) -
      w.overstaffing * h * over
    );
  }
}

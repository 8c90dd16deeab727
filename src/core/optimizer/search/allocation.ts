import type { LocalDate, StateCode } from '../../model/common.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { SupervisionRule } from '../../model/jurisdiction.js';
import { allowedTechnicians } from '../../rules/supervision.js';
import { HOUR_MS } from '../../time/dates.js';
import { type TimeGrid, buildGrid } from '../../time/grid.js';
import {
  type IntervalShare,
  SupervisionSplitter,
  WorkingAllocation,
  preferCertified,
} from './supervision-split.js';
import { EligibilityTable } from './eligibility-table.js';
import { type DemandSlot, IntervalDemand } from './interval-demand.js';
import { EvaluatedInterval, type IntervalOutcome } from './interval-outcome.js';
import { type TechnicianClass, TechnicianClasses } from './technician-classes.js';
import { greedyAssignment } from './unit-greedy.js';

/**
 * The interval evaluator: for a FIXED set of on-duty technicians and pharmacists in one grid
 * interval, the allocation of technicians to (queue, state) and the pharmacists' supervision
 * shares that minimise the interval's part of `weightedTotal` (shortage, lost service value,
 * over-staffing; wages and the other terms depend on shifts only).
 *
 * - Without supervision limits the problem is a min-cost flow (source -> technician class, i.e.
 *   technicians with the same eligible pairs and certification -> (queue, state) pair -> one
 *   unit arc per extra agent, costing minus that agent's marginal benefit -> sink; concave
 *   service makes the unit arcs fill in order). It is solved exactly, and faster than by a flow
 *   algorithm, by the matroid greedy of `greedyAssignment` (the min-cost flow is its test oracle).
 * - States with a supervision ratio get a cap on the technicians working for them. Caps start
 *   open; the pharmacists' capacity is split by maximum flow (`SupervisionSplitter` in
 *   supervision-split.ts, as the rules' `assignSupervision` does), and a state whose requirement
 *   cannot be met gets a cap from `allowedTechnicians` for the supervision it did get (and below
 *   its current count), then the allocation is made again. The certification tiers make the true
 *   problem non-linear, so this part is a heuristic, but conservative: the result is re-checked
 *   with the rules' `requiredPharmacistEquivalents`, and after a few rounds technicians are
 *   removed (uncertified first) until every state is covered.
 *   It never returns an allocation the checker rejects. Among equally good allocations certified
 *   technicians take the work (class order, then `preferCertified`).
 *
 * The demand's values and marginal benefits come from `IntervalDemand` (interval-demand.ts), the
 * technicians' classes from `TechnicianClasses` (technician-classes.ts); this module runs the
 * assignment rounds, the cap loop and the supervision trades, and caches the outcomes.
 */

export type { IntervalAllocation, IntervalShare } from './supervision-split.js';
export type { IntervalOutcome } from './interval-outcome.js';

export interface EvaluateOptions {
  /** Ignore supervision (a relaxation, for lower bounds). */
  readonly ignoreSupervision?: boolean;
  /**
   * Try trading supervision between states whose pharmacists compete (default true). Each trade
   * round re-solves the interval once per competing state: at the large size that was six flow
   * rounds per evaluation and a sixth of the search's speed, so the search prices moves without
   * trades and only the roster it returns is evaluated with them (docs/benchmarks.md).
   */
  readonly supervisionTrades?: boolean;
}

const NO_RATIO_STATES: ReadonlyMap<number, SupervisionRule> = new Map();
const MAX_CAP_ROUNDS = 8;
const MAX_TRADE_ROUNDS = 6;
const NO_ALLOCATION = new WorkingAllocation(0);

interface CapResult {
  readonly outcome: EvaluatedInterval;
  /** Caps in force at the end (ratio state -> most technicians). */
  readonly caps: Map<number, number>;
  /** Technicians allocated per ratio state. */
  readonly counts: Map<number, number>;
  /** States cut because their supervision fell short. */
  readonly binding: Set<number>;
  /** States cut on purpose to free supervision for others. */
  readonly traded: Set<number>;
}

export class AllocationEvaluator {
  readonly grid: TimeGrid;
  readonly intervalHours: number;
  /** Who may work, supervise, or count as certified where and when. */
  readonly eligibility: EligibilityTable;
  /** The table's states and pairs (pair index = queue index * states.length + state index). */
  readonly states: readonly StateCode[];
  readonly pairQueue: readonly string[];
  readonly pairState: readonly number[];
  /** The demand slots, their values and marginal benefits per interval. */
  private readonly demand: IntervalDemand;
  /** The on-duty technicians' classes per interval. */
  private readonly technicianClasses: TechnicianClasses;
  private readonly cache = new Map<string, IntervalOutcome>();
  /** Splits the pharmacists' supervision over the ratio states (its max flow is reused). */
  private readonly supervision: SupervisionSplitter;
  /**
   * The outcome cache is emptied when it holds this many outcomes or this many allocation and
   * share records. Its hits are mostly recent (a move's alternatives, a restart): at the large
   * size 2 000 outcomes kept 97 % of the hits of 200 000, whose records had taken the peak memory
   * of a 60 s solve to 1.6 GB; small weeks' outcomes are small and keep many.
   */
  private readonly maxCacheEntries: number;
  private readonly maxCachedRecords: number;
  private cachedRecords = 0;
  evaluations = 0;
  cacheHits = 0;

  constructor(
    readonly instance: PlanningInstance,
    grid?: TimeGrid,
    options: { maxCacheEntries?: number; maxCachedRecords?: number } = {},
  ) {
    this.grid = grid ?? buildGrid(instance.week);
    this.intervalHours = this.grid.intervalMs / HOUR_MS;
    this.maxCacheEntries = options.maxCacheEntries ?? 200_000;
    this.maxCachedRecords = options.maxCachedRecords ?? 1_000_000;
    this.eligibility = new EligibilityTable(instance);
    this.supervision = new SupervisionSplitter(this.eligibility);
    this.states = this.eligibility.states;
    this.pairQueue = this.eligibility.pairQueue;
    this.pairState = this.eligibility.pairState;
    this.demand = new IntervalDemand(instance, this.eligibility, this.grid, this.intervalHours);
    this.technicianClasses = new TechnicianClasses(
      instance.employees.length,
      this.grid,
      this.eligibility,
      this.demand,
    );
  }

  /** Demand entries of an interval (pairs, required, service values). */
  demandOf(intervalIndex: number): readonly DemandSlot[] {
    return this.demand.slotsOf(intervalIndex);
  }

  baselineOf(intervalIndex: number): number {
    return this.demand.baselineOf(intervalIndex);
  }

  /**
   * The best allocation for the interval, cached per (interval, on-duty set). `technicians` and
   * `pharmacists` are employee indices (into `instance.employees`); order does not matter.
   */
  evaluate(
    intervalIndex: number,
    technicians: readonly number[],
    pharmacists: readonly number[],
    options: EvaluateOptions = {},
  ): IntervalOutcome {
    const techs = [...technicians].sort((a, b) => a - b);
    const pharms = options.ignoreSupervision ? [] : [...pharmacists].sort((a, b) => a - b);
    const trades = options.supervisionTrades ?? true;
    const key = `${options.ignoreSupervision ? 'R' : ''}${trades ? 'T' : ''}${intervalIndex}|${this.listKey(techs)}\uffff${this.listKey(pharms)}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cacheHits += 1;
      return cached;
    }
    this.evaluations += 1;
    const outcome = this.solve(
      intervalIndex,
      techs,
      pharms,
      options.ignoreSupervision ?? false,
      trades ? MAX_TRADE_ROUNDS : 0,
    );
    const records = 1 + outcome.allocationCount + outcome.shares.length;
    if (
      this.cache.size >= this.maxCacheEntries ||
      this.cachedRecords + records > this.maxCachedRecords
    ) {
      this.cache.clear();
      this.cachedRecords = 0;
    }
    this.cache.set(key, outcome);
    this.cachedRecords += records;
    return outcome;
  }

  /**
   * A sorted list of employee indices as a cache key: one character per employee while indices
   * stay below U+FFFF (the separator), which is shorter and quicker to build and hash than their
   * decimal forms (a tenth of the medium search's time went into the key).
   */
  private listKey(employees: readonly number[]): string {
    return this.instance.employees.length < 0xffff
      ? String.fromCharCode(...employees)
      : employees.join(',');
  }

  /** Slot index (into `demandOf(i)`) of each demanded pair of interval i, built once. */
  slotIndexOf(intervalIndex: number): ReadonlyMap<number, number> {
    return this.demand.slotIndexOf(intervalIndex);
  }

  /** Whether a technician may work any of interval i's demanded (queue, state) pairs. */
  worksDemand(intervalIndex: number, tech: number): boolean {
    return this.technicianClasses.signatureOf(intervalIndex, tech) !== null;
  }

  /** The demanded (queue, state) pairs of interval i a technician may work, ascending. */
  demandedPairs(intervalIndex: number, tech: number): readonly number[] {
    return this.technicianClasses.signatureOf(intervalIndex, tech)?.pairs ?? [];
  }

  /** Value of an allocation given as staff counts per pair (no rule is checked). */
  valueOfCounts(intervalIndex: number, counts: ReadonlyMap<number, number>): number {
    return this.demand.valueOfCounts(intervalIndex, counts);
  }

  /**
   * Per demand slot of interval i, the positive marginal benefits of its 1st, 2nd, ... agent
   * (non-increasing: concave service), built once per interval.
   */
  gainsOf(intervalIndex: number): readonly number[][] {
    return this.demand.gainsOf(intervalIndex);
  }

  private solve(
    intervalIndex: number,
    techs: readonly number[],
    pharms: readonly number[],
    ignoreSupervision: boolean,
    tradeRounds: number,
  ): IntervalOutcome {
    const slots = this.demand.slotsOf(intervalIndex);
    const empty = new EvaluatedInterval(
      this.demand.baselineOf(intervalIndex),
      NO_ALLOCATION,
      [],
      [],
      [],
    );
    if (slots.length === 0 || techs.length === 0) return empty;
    const ratioRule = ignoreSupervision ? NO_RATIO_STATES : this.demand.ratioRulesOf(intervalIndex);
    const classList = this.technicianClasses.classesOf(intervalIndex, techs);
    if (classList.length === 0) return empty;
    if (ratioRule.size === 0) {
      const allocation = this.assignRound(intervalIndex, slots, classList, ratioRule, new Map());
      return this.finish(intervalIndex, allocation, [], [], []);
    }
    const run = (initial: ReadonlyMap<number, number>) =>
      this.capLoop(intervalIndex, slots, classList, ratioRule, pharms, initial);
    const best = this.tradeSupervision(intervalIndex, pharms, run(new Map()), run, tradeRounds);
    const binding = new Set([...best.binding, ...best.traded]);
    return best.outcome.withRatioBinding(
      [...binding].sort((a, b) => a - b).map((s) => this.states[s]),
    );
  }

  /**
   * Trades supervision between states: when a state was cut, try giving up one technician in a
   * state competing for the same pharmacists (e.g. an over-staffed 1:1 state) and let the cut
   * states take the freed capacity; keep the change when the interval's value improves.
   */
  private tradeSupervision(
    intervalIndex: number,
    pharms: readonly number[],
    start: CapResult,
    run: (caps: ReadonlyMap<number, number>) => CapResult,
    tradeRounds: number,
  ): CapResult {
    let best = start;
    for (let round = 0; round < tradeRounds && best.binding.size > 0; round += 1) {
      let improved = false;
      for (const state of this.competitors(intervalIndex, best, pharms)) {
        const caps = new Map(best.caps);
        caps.set(state, Math.max(0, (best.counts.get(state) ?? 0) - 1));
        for (const cut of best.binding)
          if (cut !== state && !best.traded.has(cut)) caps.delete(cut);
        const trial = run(caps);
        if (trial.outcome.value < best.outcome.value - 1e-9) {
          trial.traded.add(state);
          for (const s of best.traded) trial.traded.add(s);
          best = trial;
          improved = true;
        }
      }
      if (!improved) break;
    }
    return best;
  }

  /** Ratio states holding technicians whose pharmacists could also supervise a cut state. */
  private competitors(
    intervalIndex: number,
    result: CapResult,
    pharms: readonly number[],
  ): number[] {
    const date = this.grid.intervalDates[intervalIndex];
    const shared = new Set<number>();
    for (const cut of result.binding) {
      for (const pharm of pharms) {
        if (!this.eligibility.canSuperviseIndex(pharm, cut, date)) continue;
        for (const [state, count] of result.counts) {
          if (state !== cut && count > 0 && this.eligibility.canSuperviseIndex(pharm, state, date))
            shared.add(state);
        }
      }
    }
    return [...shared].sort((a, b) => a - b);
  }

  /**
   * Allocation under supervision from starting caps: solve the flow, split the pharmacists, cap
   * the states left short at what their supervision allows (and below their current count), and
   * repeat; after a few rounds, drop technicians (uncertified first) until every state is covered.
   */
  private capLoop(
    intervalIndex: number,
    slots: readonly DemandSlot[],
    classList: readonly TechnicianClass[],
    ratioRule: ReadonlyMap<number, SupervisionRule>,
    pharms: readonly number[],
    initial: ReadonlyMap<number, number>,
  ): CapResult {
    const date = this.grid.intervalDates[intervalIndex];
    const caps = new Map(initial);
    const binding = new Set<number>();
    const noSupervisor = new Set<number>();
    const done = (allocation: WorkingAllocation, shares: IntervalShare[]): CapResult => {
      const counts = new Map<number, number>();
      for (let k = 0; k < allocation.length; k += 1) {
        const s = this.pairState[allocation.pairs[k]];
        if (ratioRule.has(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      return {
        outcome: this.finish(
          intervalIndex,
          allocation,
          shares,
          [...binding].map((s) => this.states[s]),
          [...noSupervisor].map((s) => this.states[s]),
        ),
        caps,
        counts,
        binding,
        traded: new Set<number>(),
      };
    };
    let allocations = this.assignRound(intervalIndex, slots, classList, ratioRule, caps);
    for (let round = 0; ; round += 1) {
      const check = this.supervision.split(date, allocations, pharms, ratioRule);
      if (check.short.length === 0) return done(allocations, check.shares);
      for (const { state, assigned, technicians, certified, eligibleSupervisors } of check.short) {
        binding.add(state);
        if (eligibleSupervisors === 0) noSupervisor.add(state);
        const allowed = allowedTechnicians(ratioRule.get(state)!, assigned, certified);
        const previous = caps.get(state) ?? Infinity;
        caps.set(state, Math.max(0, Math.min(previous, technicians - 1, allowed)));
      }
      if (round >= MAX_CAP_ROUNDS) break;
      allocations = this.assignRound(intervalIndex, slots, classList, ratioRule, caps);
    }
    // Fallback: drop technicians from short states (uncertified first) until all are covered.
    for (;;) {
      const check = this.supervision.split(date, allocations, pharms, ratioRule);
      if (check.short.length === 0) return done(allocations, check.shares);
      const drop = new Set<number>();
      for (const state of new Set(check.short.map((entry) => entry.state))) {
        const victim = this.lastInState(allocations, state, date);
        if (victim >= 0) drop.add(victim);
      }
      allocations = allocations.without(drop);
    }
  }

  /**
   * The allocation of one round: technicians to demand slots by the matroid greedy
   * (`greedyAssignment`): the best allocation when no state is capped (the min-cost flow's
   * optimum); with caps, units of a state at its cap are skipped, which may miss an exchange the
   * flow would find (the cap loop is a heuristic anyway: the brute-force tests hold) and is
   * several times faster on large intervals.
   */
  private assignRound(
    intervalIndex: number,
    slots: readonly DemandSlot[],
    classList: readonly TechnicianClass[],
    ratioRule: ReadonlyMap<number, SupervisionRule>,
    caps: ReadonlyMap<number, number>,
  ): WorkingAllocation {
    const slotsOfClass = classList.map((cls) => cls.slots);
    const assigned = greedyAssignment(
      classList.map((cls) => cls.members.length),
      slotsOfClass,
      this.demand.gainsOf(intervalIndex),
      caps.size === 0
        ? undefined
        : {
            group: slots.map((slot) =>
              caps.has(this.pairState[slot.pair]) ? this.pairState[slot.pair] : -1,
            ),
            limit: Array.from({ length: this.states.length }, (_, state) => caps.get(state) ?? 0),
          },
    );
    let members = 0;
    for (const cls of classList) members += cls.members.length;
    const allocation = new WorkingAllocation(members);
    const used = new Array<number>(classList.length).fill(0);
    classList.forEach((cls, c) => {
      const row = c * slots.length;
      for (let k = 0; k < cls.pairs.length && used[c] < cls.members.length; k += 1) {
        const amount = assigned[row + cls.slots[k]];
        for (let n = 0; n < amount; n += 1) {
          allocation.push(cls.members[used[c]], cls.pairs[k], c);
          used[c] += 1;
        }
      }
    });
    if (ratioRule.size > 0) preferCertified(allocation, classList, used, ratioRule, this.pairState);
    return allocation;
  }

  /**
   * The technician the cap loop's fallback drops from a short state: its last uncertified one in
   * allocation order, else its last one; -1 when it has none.
   */
  private lastInState(allocation: WorkingAllocation, state: number, date: LocalDate): number {
    let last = -1;
    for (let k = allocation.length - 1; k >= 0; k -= 1) {
      if (this.pairState[allocation.pairs[k]] !== state) continue;
      const employee = allocation.employees[k];
      if (!this.eligibility.certified(employee, date)) return employee;
      if (last < 0) last = employee;
    }
    return last;
  }

  private finish(
    intervalIndex: number,
    allocation: WorkingAllocation,
    shares: readonly IntervalShare[],
    ratioBinding: readonly StateCode[],
    noSupervisor: readonly StateCode[],
  ): EvaluatedInterval {
    const value = this.demand.valueOfAllocation(intervalIndex, allocation);
    return new EvaluatedInterval(value, allocation, shares, ratioBinding, noSupervisor);
  }
}

import type { LocalDate, StateCode } from '../../model/common.js';
import type { Employee } from '../../model/employee.js';
import type { JurisdictionRuleSet, SupervisionRule } from '../../model/jurisdiction.js';
import { type FlowEdge, MaxFlow } from '../../rules/max-flow.js';
import {
  SUPERVISION_TOLERANCE,
  countsTowardRatio,
  requiredPharmacistEquivalents,
} from '../../rules/supervision.js';

/**
 * The supervision side of the interval evaluator (allocation.ts): for an allocation of
 * technicians to (queue, state) pairs, the pharmacists' supervision split over the ratio states,
 * and the hand-overs that let certified technicians take ratio work. The evaluator's cap loop
 * calls these between its assignment rounds.
 */

/** One technician's work in the interval. */
export interface IntervalAllocation {
  readonly employee: number;
  /** Pair index = queue index * states.length + state index. */
  readonly pair: number;
}

/**
 * An interval's allocation while the evaluator works on it, as parallel arrays (entry k: a
 * technician, the pair they work, their class in the evaluator's class list). The cap loop makes
 * one per assignment round; an object per technician and round had been a tenth of the large
 * search's time, and its garbage more. Objects are made only for outcomes that are read as a
 * list (interval-outcome.ts).
 */
export class WorkingAllocation {
  readonly employees: Int32Array;
  readonly pairs: Int32Array;
  readonly classes: Int32Array;
  length = 0;

  constructor(readonly capacity: number) {
    // One buffer for the three: each typed array of this size is a separate allocation outside
    // V8's heap, which costs more than filling it.
    const buffer = new Int32Array(3 * capacity);
    this.employees = buffer.subarray(0, capacity);
    this.pairs = buffer.subarray(capacity, 2 * capacity);
    this.classes = buffer.subarray(2 * capacity);
  }

  push(employee: number, pair: number, cls: number): void {
    const k = this.length;
    this.employees[k] = employee;
    this.pairs[k] = pair;
    this.classes[k] = cls;
    this.length = k + 1;
  }

  /** The same allocation without the entries of these employees. */
  without(dropped: ReadonlySet<number>): WorkingAllocation {
    const kept = new WorkingAllocation(this.length);
    for (let k = 0; k < this.length; k += 1)
      if (!dropped.has(this.employees[k]))
        kept.push(this.employees[k], this.pairs[k], this.classes[k]);
    return kept;
  }
}

export interface IntervalShare {
  readonly employee: number;
  readonly state: StateCode;
  readonly share: number;
}

/** A ratio state whose supervision fell short of what its allocated technicians require. */
export interface ShortState {
  readonly state: number;
  /** Pharmacist-equivalents it got. */
  readonly assigned: number;
  readonly technicians: number;
  readonly certified: number;
  /** On-duty pharmacists allowed to supervise it. */
  readonly eligibleSupervisors: number;
}

/** What the split looks up, per date (the evaluator caches these). */
export interface SupervisionLookups {
  readonly instance: { readonly employees: readonly Employee[] };
  readonly states: readonly StateCode[];
  readonly pairState: readonly number[];
  certified(employee: number, date: LocalDate): boolean;
  canSuperviseIndex(employee: number, state: number, date: LocalDate): boolean;
  ruleSetOf(state: number, date: LocalDate): JurisdictionRuleSet | null;
}

export class SupervisionSplitter {
  /** Reused from one split to the next. */
  private readonly flow = new MaxFlow();

  constructor(private readonly lookups: SupervisionLookups) {}

  /**
   * Splits the pharmacists over the ratio states by maximum flow (states needing fewest
   * pharmacist-equivalents per technician first) and reports the states left short.
   */
  split(
    date: LocalDate,
    allocation: WorkingAllocation,
    pharms: readonly number[],
    ratioRule: ReadonlyMap<number, SupervisionRule>,
  ): { shares: IntervalShare[]; short: ShortState[] } {
    const states = this.lookups.states;
    const needs = this.needs(date, allocation, ratioRule);
    if (needs.length === 0) return { shares: [], short: [] };
    const stateNode = (i: number) => 1 + pharms.length + i;
    const sink = 1 + pharms.length + needs.length;
    const edges: FlowEdge[] = pharms.map((_, p) => ({ from: 0, to: 1 + p, capacity: 1 }));
    const shareEdges: { edge: number; pharm: number; state: number }[] = [];
    const supervisors = new Int32Array(needs.length);
    needs.forEach(({ state }, i) => {
      pharms.forEach((pharm, p) => {
        if (!this.lookups.canSuperviseIndex(pharm, state, date)) return;
        supervisors[i] += 1;
        shareEdges.push({ edge: edges.length, pharm, state });
        edges.push({ from: 1 + p, to: stateNode(i), capacity: 1 });
      });
    });
    const firstSink = edges.length;
    needs.forEach(({ need }, i) =>
      edges.push({ from: stateNode(i), to: sink, capacity: Number.isFinite(need) ? need : 0 }),
    );
    const flow = this.flow.maxFlow(sink + 1, edges, 0, sink);
    const shares: IntervalShare[] = [];
    for (const { edge, pharm, state } of shareEdges) {
      if (flow[edge] > 1e-12)
        shares.push({ employee: pharm, state: states[state], share: Math.min(1, flow[edge]) });
    }
    const short = needs
      .map(({ state, t, need }, i) => ({
        state,
        assigned: flow[firstSink + i],
        technicians: t.all,
        certified: t.certified,
        eligibleSupervisors: supervisors[i],
        need,
      }))
      .filter(({ assigned, need }) => assigned < need - SUPERVISION_TOLERANCE / 10);
    return { shares, short };
  }

  /** Per ratio state with allocated technicians: the pharmacist-equivalents its rule requires. */
  private needs(
    date: LocalDate,
    allocation: WorkingAllocation,
    ratioRule: ReadonlyMap<number, SupervisionRule>,
  ) {
    const { pairState, instance } = this.lookups;
    const tally = new Map<number, { all: number; counted: number; certified: number }>();
    for (let k = 0; k < allocation.length; k += 1) {
      const employee = allocation.employees[k];
      const s = pairState[allocation.pairs[k]];
      if (!ratioRule.has(s)) continue;
      const entry = tally.get(s) ?? { all: 0, counted: 0, certified: 0 };
      entry.all += 1;
      const ruleSet = this.lookups.ruleSetOf(s, date)!;
      if (countsTowardRatio(ruleSet, instance.employees[employee])) {
        entry.counted += 1;
        if (this.lookups.certified(employee, date)) entry.certified += 1;
      }
      tally.set(s, entry);
    }
    return [...tally.entries()]
      .map(([state, t]) => ({
        state,
        t,
        need: requiredPharmacistEquivalents(ratioRule.get(state)!, {
          technicians: t.counted,
          certified: t.certified,
        }),
      }))
      .filter((n) => n.need > 0)
      .sort((a, b) => a.need / a.t.counted - b.need / b.t.counted || a.state - b.state);
  }
}

/** Technicians with the same eligible pairs and certification, as the hand-overs need them. */
interface HandOverClass {
  readonly members: readonly number[];
  /** Per pair: 1 when the class may work it. */
  readonly works: Uint8Array;
  readonly certified: boolean;
}

/**
 * Same value, less supervision: an uncertified technician working for a ratio state hands the
 * work to an idle certified one eligible for the same pair, or trades places with a certified
 * one working for a state without a ratio. More certified and fewer uncertified technicians never
 * raise the pharmacist-equivalents a ratio requires. `used[c]`: how many of class c's members
 * (the first ones) the allocation holds; entries' classes index `classList`.
 */
export function preferCertified(
  allocation: WorkingAllocation,
  classList: readonly HandOverClass[],
  used: readonly number[],
  ratioRule: ReadonlyMap<number, SupervisionRule>,
  pairState: readonly number[],
): void {
  const { employees, pairs, classes } = allocation;
  const idle: { employee: number; cls: number }[] = [];
  classList.forEach((cls, c) => {
    if (!cls.certified) return;
    for (let k = used[c]; k < cls.members.length; k += 1)
      idle.push({ employee: cls.members[k], cls: c });
  });
  const certified = (at: number) => classList[classes[at]].certified;
  // Partners for a trade of places: certified technicians working for a state without a ratio,
  // in allocation order. A trade or a hand-over never makes a new one, so the list only shrinks.
  const partners: number[] = [];
  for (let at = 0; at < allocation.length; at += 1)
    if (certified(at) && !ratioRule.has(pairState[pairs[at]])) partners.push(at);
  for (let a = 0; a < allocation.length; a += 1) {
    const pair = pairs[a];
    if (certified(a) || !ratioRule.has(pairState[pair])) continue;
    const free = idle.findIndex((candidate) => classList[candidate.cls].works[pair] === 1);
    if (free >= 0) {
      employees[a] = idle[free].employee;
      classes[a] = idle[free].cls;
      idle.splice(free, 1);
      continue;
    }
    const mine = classList[classes[a]].works;
    const found = partners.findIndex(
      (at) => mine[pairs[at]] === 1 && classList[classes[at]].works[pair] === 1,
    );
    if (found >= 0) {
      const partner = partners[found];
      partners.splice(found, 1);
      swapEntries(allocation, a, partner);
    }
  }
}

/** Entries a and b trade technicians (each keeps its pair). */
function swapEntries(allocation: WorkingAllocation, a: number, b: number): void {
  const { employees, classes } = allocation;
  [employees[a], employees[b]] = [employees[b], employees[a]];
  [classes[a], classes[b]] = [classes[b], classes[a]];
}

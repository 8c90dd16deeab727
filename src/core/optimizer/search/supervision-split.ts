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
    allocations: readonly IntervalAllocation[],
    pharms: readonly number[],
    ratioRule: ReadonlyMap<number, SupervisionRule>,
  ): { shares: IntervalShare[]; short: ShortState[] } {
    const states = this.lookups.states;
    const needs = this.needs(date, allocations, ratioRule);
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
    allocations: readonly IntervalAllocation[],
    ratioRule: ReadonlyMap<number, SupervisionRule>,
  ) {
    const { pairState, instance } = this.lookups;
    const tally = new Map<number, { all: number; counted: number; certified: number }>();
    for (const { employee, pair } of allocations) {
      const s = pairState[pair];
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
 * (the first ones) the allocation holds.
 */
export function preferCertified(
  allocations: IntervalAllocation[],
  classList: readonly HandOverClass[],
  used: readonly number[],
  ratioRule: ReadonlyMap<number, SupervisionRule>,
  pairState: readonly number[],
): void {
  const idle: { employee: number; works: Uint8Array }[] = [];
  const classOf = new Map<number, HandOverClass>();
  classList.forEach((cls, c) => {
    for (const member of cls.members) classOf.set(member, cls);
    if (!cls.certified) return;
    for (let k = used[c]; k < cls.members.length; k += 1)
      idle.push({ employee: cls.members[k], works: cls.works });
  });
  const certified = (employee: number) => classOf.get(employee)!.certified;
  // Partners for a trade of places: certified technicians working for a state without a ratio,
  // in allocation order. A trade or a hand-over never makes a new one, so the list only shrinks.
  const partners: { at: number; works: Uint8Array }[] = [];
  allocations.forEach(({ employee, pair }, at) => {
    if (certified(employee) && !ratioRule.has(pairState[pair]))
      partners.push({ at, works: classOf.get(employee)!.works });
  });
  for (let a = 0; a < allocations.length; a += 1) {
    const { employee, pair } = allocations[a];
    if (certified(employee) || !ratioRule.has(pairState[pair])) continue;
    const free = idle.findIndex((candidate) => candidate.works[pair] === 1);
    if (free >= 0) {
      allocations[a] = { employee: idle[free].employee, pair };
      idle.splice(free, 1);
      continue;
    }
    const mine = classOf.get(employee)!.works;
    const found = partners.findIndex(
      ({ at, works }) => mine[allocations[at].pair] === 1 && works[pair] === 1,
    );
    if (found >= 0) {
      const partner = partners[found].at;
      partners.splice(found, 1);
      const other = allocations[partner];
      allocations[a] = { employee: other.employee, pair };
      allocations[partner] = { employee, pair: other.pair };
    }
  }
}

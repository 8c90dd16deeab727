import type { StateCode } from '../model/common.js';
import type { Employee } from '../model/employee.js';
import type { PlanningInstance } from '../model/instance.js';
import type { Roster, SupervisionShare } from '../model/roster.js';
import { type TimeGrid, buildGrid, intervalsWithin } from '../time/grid.js';
import { isCertified } from './credentials.js';
import { supervisionRefusal } from './eligibility.js';
import { type FlowEdge, maxFlow } from './max-flow.js';
import { RuleSetLookup } from './rule-sets.js';
import {
  SUPERVISION_TOLERANCE,
  type SupervisedCounts,
  countsTowardRatio,
  requiredPharmacistEquivalents,
} from './supervision.js';

/** A state and interval whose technicians the on-duty eligible pharmacists cannot cover. */
export interface SupervisionShortfall {
  readonly intervalIndex: number;
  readonly state: StateCode;
  /** Pharmacist-equivalents the ratio requires (Infinity: no amount is enough). */
  readonly required: number;
  /** Pharmacist-equivalents the assignment found. */
  readonly assigned: number;
}

export interface SupervisionAssignment {
  readonly supervision: SupervisionShare[];
  readonly shortfalls: SupervisionShortfall[];
}

type Requirements = Map<StateCode, number>;

/** Required pharmacist-equivalents per state in one interval, from the roster's allocations. */
function requirementsPerInterval(
  instance: PlanningInstance,
  roster: Roster,
  grid: TimeGrid,
  employees: Map<string, Employee>,
): Requirements[] {
  const rules = new RuleSetLookup(instance.ruleSets);
  const counts = Array.from(
    { length: grid.count },
    () => new Map<StateCode, Map<string, boolean>>(),
  );
  for (const allocation of roster.allocations) {
    const technician = employees.get(allocation.employeeId);
    const date = grid.intervalDates[allocation.intervalIndex];
    if (technician?.role !== 'TECHNICIAN' || date === undefined) continue;
    const ruleSet = rules.inForce(allocation.state, date);
    if (!ruleSet || !countsTowardRatio(ruleSet, technician)) continue;
    const perState = counts[allocation.intervalIndex];
    const seen = perState.get(allocation.state) ?? new Map<string, boolean>();
    seen.set(technician.id, isCertified(technician, date));
    perState.set(allocation.state, seen);
  }
  return counts.map((perState, intervalIndex) => {
    const required: Requirements = new Map();
    for (const [state, technicians] of [...perState].sort(([a], [b]) => a.localeCompare(b))) {
      const ruleSet = rules.inForce(state, grid.intervalDates[intervalIndex])!;
      const tally: SupervisedCounts = {
        technicians: technicians.size,
        certified: [...technicians.values()].filter(Boolean).length,
      };
      const need = requiredPharmacistEquivalents(ruleSet.supervision, tally);
      if (need > 0) required.set(state, need);
    }
    return required;
  });
}

/** Pharmacists on duty for the whole of each interval, sorted by id. */
function pharmacistsOnDuty(
  roster: Roster,
  grid: TimeGrid,
  employees: Map<string, Employee>,
): Employee[][] {
  const onDuty = Array.from({ length: grid.count }, () => new Set<string>());
  for (const shift of roster.shifts) {
    if (employees.get(shift.employeeId)?.role !== 'PHARMACIST') continue;
    const { first, last } = intervalsWithin(grid, shift.start, shift.end);
    for (let i = first; i < last; i += 1) onDuty[i].add(shift.employeeId);
  }
  return onDuty.map((ids) => [...ids].sort().map((id) => employees.get(id)!));
}

interface SupervisionNetwork {
  readonly nodeCount: number;
  readonly edges: FlowEdge[];
  /** Pharmacist -> state edges, whose flows are the shares. */
  readonly shareEdges: { edge: number; pharmacist: Employee; state: StateCode }[];
  /** Index of the first state -> sink edge (one per state, in order). */
  readonly firstSinkEdge: number;
}

/**
 * Source -> pharmacist (capacity 1: a whole pharmacist), pharmacist -> state where they may
 * supervise, state -> sink (capacity: the pharmacist-equivalents the state requires).
 */
function supervisionNetwork(
  required: Requirements,
  pharmacists: readonly Employee[],
  canSupervise: (pharmacist: Employee, state: StateCode) => boolean,
): SupervisionNetwork {
  const states = [...required.keys()];
  const stateNode = (s: number) => 1 + pharmacists.length + s;
  const sink = stateNode(states.length);
  const edges: FlowEdge[] = pharmacists.map((_, p) => ({ from: 0, to: 1 + p, capacity: 1 }));
  const shareEdges: SupervisionNetwork['shareEdges'] = [];
  pharmacists.forEach((pharmacist, p) =>
    states.forEach((state, s) => {
      if (!canSupervise(pharmacist, state)) return;
      shareEdges.push({ edge: edges.length, pharmacist, state });
      edges.push({ from: 1 + p, to: stateNode(s), capacity: 1 });
    }),
  );
  const firstSinkEdge = edges.length;
  states.forEach((state, s) => {
    const need = required.get(state)!;
    edges.push({ from: stateNode(s), to: sink, capacity: Number.isFinite(need) ? need : 0 });
  });
  return { nodeCount: sink + 1, edges, shareEdges, firstSinkEdge };
}

/** Splits the on-duty pharmacists' capacity over the states of one interval by maximum flow. */
function assignInterval(
  intervalIndex: number,
  required: Requirements,
  pharmacists: readonly Employee[],
  canSupervise: (pharmacist: Employee, state: StateCode) => boolean,
): SupervisionAssignment {
  const network = supervisionNetwork(required, pharmacists, canSupervise);
  const flow = maxFlow(network.nodeCount, network.edges, 0, network.nodeCount - 1);
  const supervision = network.shareEdges
    .filter(({ edge }) => flow[edge] > 1e-12)
    .map(({ edge, pharmacist, state }) => ({
      employeeId: pharmacist.id,
      intervalIndex,
      state,
      share: Math.min(1, flow[edge]),
    }));
  const shortfalls = [...required.entries()]
    .map(([state, need], s) => ({
      intervalIndex,
      state,
      required: need,
      assigned: flow[network.firstSinkEdge + s],
    }))
    .filter(({ required: need, assigned }) => assigned < need - SUPERVISION_TOLERANCE);
  return { supervision, shortfalls };
}

/**
 * A supervision assignment for a roster whose shifts and allocations are given (e.g. edited by
 * hand): in each interval, the least pharmacist-equivalents each state's ratio requires, split
 * over the on-duty pharmacists allowed to supervise it, every pharmacist giving at most 1 in
 * total. A maximum flow finds a split whenever one exists; `shortfalls` lists the (interval,
 * state) pairs where none does. The roster's own `supervision` is ignored. Deterministic.
 */
export function assignSupervision(
  instance: PlanningInstance,
  roster: Roster,
): SupervisionAssignment {
  const grid = buildGrid(instance.week);
  const employees = new Map(instance.employees.map((employee) => [employee.id, employee]));
  const rules = new RuleSetLookup(instance.ruleSets);
  const requirements = requirementsPerInterval(instance, roster, grid, employees);
  const onDuty = pharmacistsOnDuty(roster, grid, employees);
  const result: SupervisionAssignment = { supervision: [], shortfalls: [] };
  requirements.forEach((required, intervalIndex) => {
    if (required.size === 0) return;
    const date = grid.intervalDates[intervalIndex];
    const canSupervise = (pharmacist: Employee, state: StateCode) =>
      supervisionRefusal(pharmacist, state, date, rules.inForce(state, date)) === null;
    const part = assignInterval(intervalIndex, required, onDuty[intervalIndex], canSupervise);
    result.supervision.push(...part.supervision);
    result.shortfalls.push(...part.shortfalls);
  });
  return result;
}

import type { PlanningInstance } from '../model/instance.js';
import type { Roster } from '../model/roster.js';
import {
  allowedTechnicians,
  countsTowardRatio,
  isCertified,
  ruleSetInForce,
} from '../rules/index.js';
import { buildGrid } from '../time/index.js';

/** Required against scheduled staff for one (interval, queue, state). */
export interface CoverageCell {
  readonly intervalIndex: number;
  readonly queueId: string;
  readonly state: string;
  readonly required: number;
  readonly scheduled: number;
}

/** Supervision in one (interval, state): technicians allowed by the on-duty pharmacists' shares, and used. */
export interface SupervisionCell {
  readonly intervalIndex: number;
  readonly state: string;
  /** null: the state sets no ratio. */
  readonly allowed: number | null;
  readonly used: number;
  readonly headroom: number | null;
}

export interface RosterCoverage {
  readonly cells: readonly CoverageCell[];
  readonly supervision: readonly SupervisionCell[];
}

const key = (interval: number, ...parts: string[]) => `${interval}|${parts.join('|')}`;

/**
 * What a roster delivers per interval: staff scheduled against the requirement for every
 * (queue, state) with demand or allocations, and the supervision headroom of every state worked.
 */
export function rosterCoverage(instance: PlanningInstance, roster: Roster): RosterCoverage {
  const cells = new Map<
    string,
    { intervalIndex: number; queueId: string; state: string; required: number; scheduled: number }
  >();
  const cell = (intervalIndex: number, queueId: string, state: string) => {
    const k = key(intervalIndex, queueId, state);
    let found = cells.get(k);
    if (!found)
      cells.set(k, (found = { intervalIndex, queueId, state, required: 0, scheduled: 0 }));
    return found;
  };
  for (const entry of instance.demand)
    cell(entry.intervalIndex, entry.queueId, entry.state).required += entry.required;
  for (const allocation of roster.allocations)
    cell(allocation.intervalIndex, allocation.queueId, allocation.state).scheduled += 1;
  const sorted = [...cells.values()].sort(
    (a, b) =>
      a.intervalIndex - b.intervalIndex ||
      a.queueId.localeCompare(b.queueId) ||
      a.state.localeCompare(b.state),
  );
  return { cells: sorted, supervision: supervisionCells(instance, roster) };
}

function supervisionCells(instance: PlanningInstance, roster: Roster): SupervisionCell[] {
  const grid = buildGrid(instance.week);
  const employees = new Map(instance.employees.map((e) => [e.id, e]));
  const shares = new Map<string, number>();
  for (const s of roster.supervision)
    shares.set(
      key(s.intervalIndex, s.state),
      (shares.get(key(s.intervalIndex, s.state)) ?? 0) + s.share,
    );
  const counted = new Map<string, { technicians: number; certified: number }>();
  for (const a of roster.allocations) {
    const technician = employees.get(a.employeeId);
    const date = grid.intervalDates[a.intervalIndex];
    const rules = date === undefined ? null : ruleSetInForce(instance.ruleSets, a.state, date);
    if (!technician || !rules || !countsTowardRatio(rules, technician)) continue;
    const k = key(a.intervalIndex, a.state);
    const c = counted.get(k) ?? { technicians: 0, certified: 0 };
    c.technicians += 1;
    if (isCertified(technician, date)) c.certified += 1;
    counted.set(k, c);
  }
  const keys = new Set([...shares.keys(), ...counted.keys()]);
  return [...keys]
    .map((k) => {
      const [interval, state] = k.split('|') as [string, string];
      const intervalIndex = Number(interval);
      const rules = ruleSetInForce(instance.ruleSets, state, grid.intervalDates[intervalIndex]);
      const used = counted.get(k)?.technicians ?? 0;
      const allowedRaw = rules
        ? allowedTechnicians(rules.supervision, shares.get(k) ?? 0, counted.get(k)?.certified ?? 0)
        : 0;
      const allowed = Number.isFinite(allowedRaw) ? Math.floor(allowedRaw + 1e-9) : null;
      return {
        intervalIndex,
        state,
        allowed,
        used,
        headroom: allowed === null ? null : allowed - used,
      };
    })
    .sort((a, b) => a.intervalIndex - b.intervalIndex || a.state.localeCompare(b.state));
}

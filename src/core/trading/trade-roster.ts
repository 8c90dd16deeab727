import type { PlanningInstance } from '../model/instance.js';
import type { Allocation, Roster, Shift } from '../model/roster.js';
import { assignSupervision } from '../rules/index.js';
import { buildGrid } from '../time/index.js';

/** One shift changing hands: its owner's work in the shift's intervals goes with it. */
export interface ShiftHandOver {
  readonly shiftId: string;
  readonly toEmployeeId: string;
}

/** What an open shift's taker works, per grid interval (empty for a pharmacist's shift). */
export interface OpenShiftWork {
  readonly intervalIndex: number;
  readonly queueId: string;
  readonly state: string;
}

/**
 * A trade as a change of the roster. Swaps and give-aways hand shifts over; picking up an open
 * shift adds it, with its work, for the taker.
 */
export type TradeChange =
  | { readonly kind: 'HAND_OVER'; readonly handOvers: readonly ShiftHandOver[] }
  | {
      readonly kind: 'FILL_OPEN_SHIFT';
      readonly shift: Shift;
      readonly work: readonly OpenShiftWork[];
    };

export class TradeNotApplicable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TradeNotApplicable';
  }
}

/**
 * The roster as it would be after the trade. A handed-over shift keeps its id and times; the work
 * its owner did in its intervals becomes the taker's (so a taker not licensed for that work shows
 * up as a LICENCE violation rather than silently dropping coverage). All hand-overs are read from
 * the roster before the trade, so a swap of overlapping shifts moves each side's own work.
 * Supervision shares are recomputed for the whole week, as for manual edits.
 */
export function rosterAfterTrade(
  instance: PlanningInstance,
  roster: Roster,
  change: TradeChange,
): Roster {
  const traded =
    change.kind === 'HAND_OVER'
      ? handOver(instance, roster, change.handOvers)
      : fillOpenShift(roster, change.shift, change.work);
  const withoutShares = { ...traded, supervision: [] };
  return { ...withoutShares, supervision: assignSupervision(instance, withoutShares).supervision };
}

function handOver(
  instance: PlanningInstance,
  roster: Roster,
  handOvers: readonly ShiftHandOver[],
): Roster {
  const grid = buildGrid(instance.week);
  const byShift = new Map(roster.shifts.map((s) => [s.id, s]));
  const moves = handOvers.map((h) => {
    const shift = byShift.get(h.shiftId);
    if (!shift) throw new TradeNotApplicable(`shift ${h.shiftId} is not in this roster`);
    const first = Math.ceil((shift.start - grid.start) / grid.intervalMs);
    const last = Math.ceil((shift.end - grid.start) / grid.intervalMs);
    return { shift, to: h.toEmployeeId, first, last };
  });
  const newOwner = new Map(moves.map((m) => [m.shift.id, m.to]));
  const shifts = roster.shifts.map((s) =>
    newOwner.has(s.id) ? { ...s, employeeId: newOwner.get(s.id)! } : s,
  );
  const allocations = roster.allocations.map((a): Allocation => {
    const move = moves.find(
      (m) =>
        m.shift.employeeId === a.employeeId &&
        a.intervalIndex >= m.first &&
        a.intervalIndex < m.last,
    );
    return move ? { ...a, employeeId: move.to } : a;
  });
  return { ...roster, shifts, allocations };
}

function fillOpenShift(roster: Roster, shift: Shift, work: readonly OpenShiftWork[]): Roster {
  if (roster.shifts.some((s) => s.id === shift.id))
    throw new TradeNotApplicable(`shift ${shift.id} is already in this roster`);
  const allocations = work.map((w): Allocation => ({
    employeeId: shift.employeeId,
    intervalIndex: w.intervalIndex,
    queueId: w.queueId,
    state: w.state,
  }));
  return {
    ...roster,
    shifts: [...roster.shifts, shift],
    allocations: [...roster.allocations, ...allocations],
  };
}

/**
 * Takes shifts out of the roster (their owner cannot work them, e.g. approved time off) and says
 * what work each one carried, so it can be offered as an open shift.
 */
export function openShifts(
  instance: PlanningInstance,
  roster: Roster,
  shiftIds: readonly string[],
): { roster: Roster; opened: { shift: Shift; work: OpenShiftWork[] }[] } {
  const grid = buildGrid(instance.week);
  const wanted = new Set(shiftIds);
  const removed = roster.shifts.filter((s) => wanted.has(s.id));
  if (removed.length !== wanted.size)
    throw new TradeNotApplicable(`not every shift of ${shiftIds.join(', ')} is in this roster`);
  const opened = removed.map((shift) => {
    const first = Math.ceil((shift.start - grid.start) / grid.intervalMs);
    const last = Math.ceil((shift.end - grid.start) / grid.intervalMs);
    const isWithin = (a: Allocation) =>
      a.employeeId === shift.employeeId && a.intervalIndex >= first && a.intervalIndex < last;
    return {
      shift,
      work: roster.allocations
        .filter(isWithin)
        .map(({ intervalIndex, queueId, state }) => ({ intervalIndex, queueId, state })),
      isWithin,
    };
  });
  const withoutShifts = {
    shifts: roster.shifts.filter((s) => !wanted.has(s.id)),
    allocations: roster.allocations.filter((a) => !opened.some((o) => o.isWithin(a))),
    supervision: [],
  };
  return {
    roster: {
      ...withoutShifts,
      supervision: assignSupervision(instance, withoutShifts).supervision,
    },
    opened: opened.map(({ shift, work }) => ({ shift, work })),
  };
}

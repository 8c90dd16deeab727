import type { PlanningInstance } from '../model/instance.js';
import type { Allocation, Roster, Shift } from '../model/roster.js';
import { assignSupervision } from '../rules/index.js';
import { buildGrid } from '../time/index.js';

/** A manual change to a draft roster. */
export type RosterEdit =
  | { readonly kind: 'ADD_SHIFT'; readonly shift: Shift }
  | {
      readonly kind: 'MOVE_SHIFT';
      readonly shiftId: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'REMOVE_SHIFT'; readonly shiftId: string }
  | {
      readonly kind: 'SET_ALLOCATION';
      readonly employeeId: string;
      readonly intervalIndex: number;
      /** null clears the employee's work in that interval. */
      readonly work: { readonly queueId: string; readonly state: string } | null;
    };

export class EditNotApplicable extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EditNotApplicable';
  }
}

/**
 * The roster after one edit. Allocations of an employee outside their remaining shifts are
 * dropped; supervision shares are recomputed for the whole roster (max-flow, see
 * assignSupervision), so an edit that leaves a state short of supervisors shows up as a ratio
 * violation in the checker rather than being silently patched.
 */
export function applyEdit(instance: PlanningInstance, roster: Roster, edit: RosterEdit): Roster {
  const edited = withEdit(roster, edit);
  const allocations = allocationsWithinShifts(instance, edited);
  const withoutShares = { ...edited, allocations, supervision: [] };
  return { ...withoutShares, supervision: assignSupervision(instance, withoutShares).supervision };
}

function withEdit(roster: Roster, edit: RosterEdit): Roster {
  switch (edit.kind) {
    case 'ADD_SHIFT':
      if (roster.shifts.some((s) => s.id === edit.shift.id))
        throw new EditNotApplicable('shiftId', `shift ${edit.shift.id} already exists`);
      return { ...roster, shifts: [...roster.shifts, edit.shift] };
    case 'MOVE_SHIFT':
      return {
        ...roster,
        shifts: roster.shifts.map((s) =>
          s.id === shiftOf(roster, edit.shiftId).id
            ? { ...s, start: edit.start, end: edit.end }
            : s,
        ),
      };
    case 'REMOVE_SHIFT':
      shiftOf(roster, edit.shiftId);
      return { ...roster, shifts: roster.shifts.filter((s) => s.id !== edit.shiftId) };
    case 'SET_ALLOCATION': {
      const others = roster.allocations.filter(
        (a) => !(a.employeeId === edit.employeeId && a.intervalIndex === edit.intervalIndex),
      );
      const added: Allocation[] = edit.work
        ? [{ employeeId: edit.employeeId, intervalIndex: edit.intervalIndex, ...edit.work }]
        : [];
      return { ...roster, allocations: [...others, ...added] };
    }
  }
}

function shiftOf(roster: Roster, shiftId: string): Shift {
  const shift = roster.shifts.find((s) => s.id === shiftId);
  if (!shift) throw new EditNotApplicable('shiftId', `shift ${shiftId} is not in this roster`);
  return shift;
}

/** Keeps an allocation only while one of the employee's shifts covers its whole interval. */
function allocationsWithinShifts(instance: PlanningInstance, roster: Roster): Allocation[] {
  const grid = buildGrid(instance.week);
  const shiftsOf = new Map<string, Shift[]>();
  for (const s of roster.shifts)
    shiftsOf.set(s.employeeId, [...(shiftsOf.get(s.employeeId) ?? []), s]);
  return roster.allocations.filter((a) => {
    const start = grid.start + a.intervalIndex * grid.intervalMs;
    return (shiftsOf.get(a.employeeId) ?? []).some(
      (s) => s.start <= start && start + grid.intervalMs <= s.end,
    );
  });
}

import { DateTime } from 'luxon';
import type { Violation } from '../core/checker/index.js';
import type { Roster, Shift } from '../core/model/roster.js';
import type { RosterShiftEntity } from './entities/roster-shift.entity.js';
import type {
  RosterEntity,
  StoredAllocation,
  StoredSupervision,
} from './entities/roster.entity.js';

/** A stored roster version as the core's Roster, for the checker and the optimizer. */
export function toCoreRoster(roster: RosterEntity, shifts: RosterShiftEntity[]): Roster {
  return {
    shifts: shifts.map((s) => ({
      id: s.id,
      employeeId: s.employeeId,
      start: s.start.getTime(),
      end: s.end.getTime(),
      templateId: s.templateId,
      pinned: s.pinned,
    })),
    allocations: roster.allocations.map(([employeeId, intervalIndex, queueId, state]) => ({
      employeeId,
      intervalIndex,
      queueId,
      state,
    })),
    supervision: roster.supervision.map(([employeeId, intervalIndex, state, share]) => ({
      employeeId,
      intervalIndex,
      state,
      share,
    })),
  };
}

export function storedAllocations(roster: Roster): StoredAllocation[] {
  return roster.allocations.map((a) => [a.employeeId, a.intervalIndex, a.queueId, a.state]);
}

export function storedSupervision(roster: Roster): StoredSupervision[] {
  return roster.supervision.map((s) => [s.employeeId, s.intervalIndex, s.state, s.share]);
}

/** A checker violation as the API shows it. */
export function toRuleViolation(v: Violation) {
  return {
    rule: v.rule,
    employeeIds: [...v.employeeIds],
    state: v.state ?? null,
    intervalIndex: v.intervalIndex ?? null,
    date: v.date ?? null,
    message: v.message,
  };
}

/** The core's shifts as roster_shift rows of one roster version. */
export function shiftRows(rosterId: string, shifts: readonly Shift[]) {
  return shifts.map((s) => ({
    id: s.id,
    rosterId,
    employeeId: s.employeeId,
    start: new Date(s.start),
    end: new Date(s.end),
    templateId: s.templateId,
    pinned: s.pinned ?? false,
  }));
}

/** A shift's local times in `zone`: the day of its start and ISO-8601 times with offset. */
export function localShiftTimes(start: Date, end: Date, zone: string) {
  const local = DateTime.fromJSDate(start, { zone });
  return {
    timeZone: zone,
    localDate: local.toISODate()!,
    localStart: local.toISO({ suppressMilliseconds: true })!,
    localEnd: DateTime.fromJSDate(end, { zone }).toISO({ suppressMilliseconds: true })!,
  };
}

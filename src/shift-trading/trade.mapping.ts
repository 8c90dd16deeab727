import { DateTime } from 'luxon';
import type { QueueEntity } from '../demand/entities/queue.entity.js';
import type { ShiftAllocationSummary } from '../self-service/graphql/my-shift.model.js';
import { summariseWork } from '../self-service/work-summary.js';
import type { StoredOpenShiftWork } from './entities/open-shift.entity.js';

/** A shift's times in UTC and in `zone` (the viewer's own), as every trade view shows them. */
export function zonedShift(
  shift: { id: string; start: Date; end: Date },
  zone: string,
  paidHours: number,
) {
  const start = DateTime.fromJSDate(shift.start, { zone });
  return {
    id: shift.id,
    start: shift.start,
    end: shift.end,
    timeZone: zone,
    localDate: start.toISODate()!,
    localStart: start.toISO({ suppressMilliseconds: true })!,
    localEnd: DateTime.fromJSDate(shift.end, { zone }).toISO({ suppressMilliseconds: true })!,
    paidHours,
  };
}

/** Open-shift work per (queue, state): how many intervals, most first. */
export function summariseOpenShiftWork(
  work: readonly StoredOpenShiftWork[],
  intervalMinutes: number,
  queues: ReadonlyMap<string, QueueEntity>,
): ShiftAllocationSummary[] {
  return summariseWork(
    work.map(([, queueId, state]) => [queueId, state] as const),
    intervalMinutes,
    queues,
  );
}

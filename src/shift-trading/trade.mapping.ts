import { localShiftTimes } from '../rostering/roster.mapping.js';
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
  return {
    id: shift.id,
    start: shift.start,
    end: shift.end,
    ...localShiftTimes(shift.start, shift.end, zone),
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

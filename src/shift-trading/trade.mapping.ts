import { DateTime } from 'luxon';
import type { QueueEntity } from '../demand/entities/queue.entity.js';
import type { ShiftAllocationSummary } from '../self-service/graphql/my-shift.model.js';
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
export function summariseWork(
  work: readonly StoredOpenShiftWork[],
  intervalMinutes: number,
  queues: ReadonlyMap<string, QueueEntity>,
): ShiftAllocationSummary[] {
  const counts = new Map<string, { queueId: string; state: string; intervals: number }>();
  for (const [, queueId, state] of work) {
    const key = `${queueId}|${state}`;
    const entry = counts.get(key) ?? { queueId, state, intervals: 0 };
    entry.intervals++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .map(({ queueId, state, intervals }) => ({
      queueKey: queues.get(queueId)?.key ?? queueId,
      queueName: queues.get(queueId)?.name ?? queueId,
      state,
      intervals,
      hours: (intervals * intervalMinutes) / 60,
    }))
    .sort((a, b) => b.intervals - a.intervals || a.queueKey.localeCompare(b.queueKey));
}

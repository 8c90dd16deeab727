import { localShiftTimes } from '../rostering/roster.mapping.js';
import type { QueueEntity } from '../demand/entities/queue.entity.js';
import type { ShiftAllocationSummary } from '../self-service/graphql/my-shift.model.js';
import { summariseWork } from '../self-service/work-summary.js';
import { ConflictError } from '../core/errors.js';
import type { StoredOpenShiftWork } from './entities/open-shift.entity.js';
import { TradeKind, type TradeStatus } from './entities/shift-trade.entity.js';

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

/** A trade that is no longer in a state the action needs: says what it is now (or that it is gone). */
export function tradeStateConflict(
  trade: { id: string; kind: TradeKind },
  now: { status: TradeStatus; counterpartId: string | null } | null,
  field: string,
): ConflictError {
  const claimed = trade.kind === TradeKind.OFFER && now?.counterpartId ? ' (already claimed)' : '';
  return new ConflictError(
    `Trade ${trade.id} is ${now?.status.toLowerCase() ?? 'gone'}${claimed}`,
    {
      field,
      value: trade.id,
    },
  );
}

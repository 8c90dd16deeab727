import type { ShiftAllocationSummary } from './graphql/my-shift.model.js';

/**
 * Work of a shift per (queue, state): one `[queueId, state]` pair per interval worked, counted
 * and shown with the queue's key and name, most intervals first.
 */
export function summariseWork(
  pairs: Iterable<readonly [string, string]>,
  intervalMinutes: number,
  queues: ReadonlyMap<string, { key: string; name: string }>,
): ShiftAllocationSummary[] {
  const counts = new Map<string, { queueId: string; state: string; intervals: number }>();
  for (const [queueId, state] of pairs) {
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
    .sort(
      (a, b) =>
        b.intervals - a.intervals ||
        a.queueKey.localeCompare(b.queueKey) ||
        a.state.localeCompare(b.state),
    );
}

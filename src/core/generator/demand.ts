import type { DemandEntry, Queue, QueueChannel } from '../model/instance.js';
import { HOUR_MS, isoDayOfWeek } from '../time/dates.js';
import { type TimeGrid, intervalStart } from '../time/grid.js';
import { localDateTimeOf } from '../time/zones.js';
import type { StateProfile } from './catalog.js';
import type { Random } from './prng.js';

/**
 * Demand per (interval, queue, state) with daily seasonality in the STATE's local time: deferred
 * work (claims, e-prescriptions, QA) flat through business hours, calls with a late-morning and a
 * mid-afternoon peak, quieter weekends. Scaled so the week asks for about 75 % of the
 * technicians' ~30 h each, then rounded stochastically (seeded) to whole agents.
 */

const DAY_FACTOR = [1.15, 1, 1, 1, 0.95, 0.45, 0.3] as const;
const QUEUE_WEIGHT: Readonly<Record<string, number>> = {
  'q-calls': 1,
  'q-claims': 0.8,
  'q-erx': 0.7,
  'q-qa': 0.3,
};
const TARGET_UTILISATION = 0.75;
const HOURS_PER_TECHNICIAN = 30;

/** Relative load at local hour `hour` (fractional) for a channel. */
export function hourlyShape(channel: QueueChannel, hour: number): number {
  switch (channel) {
    case 'DEFERRED':
      if (hour >= 8 && hour < 18) return 1;
      return hour >= 7 && hour < 21 ? 0.5 : 0;
    case 'VOICE':
      if (hour < 8 || hour >= 20) return 0;
      return (
        0.5 + 0.6 * Math.exp(-((hour - 10.5) ** 2) / 4) + 0.4 * Math.exp(-((hour - 15) ** 2) / 4)
      );
  }
}

/** Concave service curve for a voice queue: the k-th extra agent is worth less than the one before. */
function serviceCurve(required: number): number[] {
  const length = required + 2;
  return Array.from({ length }, (_, k) => Math.round(((10 * (length - k)) / length) * 100) / 100);
}

interface RawDemand {
  readonly intervalIndex: number;
  readonly queue: Queue;
  readonly state: string;
  readonly load: number;
}

function rawDemand(
  grid: TimeGrid,
  queues: readonly Queue[],
  states: readonly StateProfile[],
): RawDemand[] {
  const raw: RawDemand[] = [];
  for (const profile of states) {
    for (let i = 0; i < grid.count; i += 1) {
      const local = localDateTimeOf(intervalStart(grid, i), profile.timeZone);
      const day = DAY_FACTOR[isoDayOfWeek(local.date) - 1];
      for (const queue of queues) {
        const load =
          profile.weight *
          (QUEUE_WEIGHT[queue.id] ?? 0.5) *
          day *
          hourlyShape(queue.channel, local.minutes / 60);
        if (load > 0) raw.push({ intervalIndex: i, queue, state: profile.state, load });
      }
    }
  }
  return raw;
}

export function generateDemand(
  rng: Random,
  grid: TimeGrid,
  queues: readonly Queue[],
  states: readonly StateProfile[],
  technicians: number,
): DemandEntry[] {
  const raw = rawDemand(grid, queues, states);
  const intervalHours = grid.intervalMs / HOUR_MS;
  const totalLoadHours = raw.reduce((sum, entry) => sum + entry.load * intervalHours, 0);
  const scale = (technicians * HOURS_PER_TECHNICIAN * TARGET_UTILISATION) / totalLoadHours;
  const demand: DemandEntry[] = [];
  for (const entry of raw) {
    const exact = entry.load * scale;
    const required = Math.floor(exact) + (rng.next() < exact - Math.floor(exact) ? 1 : 0);
    if (required === 0) continue;
    const base = {
      intervalIndex: entry.intervalIndex,
      queueId: entry.queue.id,
      state: entry.state,
      required,
    };
    demand.push(
      entry.queue.channel === 'VOICE' ? { ...base, marginalValues: serviceCurve(required) } : base,
    );
  }
  return demand;
}

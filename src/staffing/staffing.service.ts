import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import {
  buildDeferredWorkFlow,
  computeQueueStaffing,
  computeRequirements,
  deferredWorkloadAgents,
  minimumConstantStaff,
  queueMetricsFor,
  validateQueueParameters,
  type QueueParameters,
} from '../core/staffing/index.js';
import { QueueChannel, QueueEntity } from '../demand/entities/queue.entity.js';
import type { QueueStaffing, QueueStaffingInput } from './graphql/queue-staffing.model.js';
import type {
  IntervalRequirement,
  StaffingRequirements,
} from './graphql/staffing-requirements.model.js';

/** The core names fields as the calculator input does; the API prefixes them with the argument. */
function underArgument<T>(argument: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError && typeof error.details.field === 'string') {
      throw new ValidationFailedError(`${argument}.${error.message}`, {
        ...error.details,
        field: `${argument}.${error.details.field}`,
      });
    }
    throw error;
  }
}

export interface WeekWindow {
  start: DateTime;
  end: DateTime;
}

/** Monday 00:00 to the next Monday 00:00 in the zone: 167, 168 or 169 hours. */
export function planningWeek(week: string, timeZone: string): WeekWindow {
  const start = DateTime.fromISO(week, { zone: timeZone });
  if (!start.isValid || start.weekday !== 1)
    throw ValidationFailedError.forField('week', week, 'must be a Monday (YYYY-MM-DD)');
  return { start, end: start.plus({ weeks: 1 }) };
}

@Injectable()
export class StaffingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  calculate(input: QueueStaffingInput): QueueStaffing {
    return underArgument('input', () => computeQueueStaffing(input));
  }

  async requirements(
    week: string,
    queueKey: string,
    state: string,
    timeZone?: string | null,
  ): Promise<StaffingRequirements> {
    const zone = timeZone ?? this.config.planning.timeZone;
    const window = planningWeek(week, zone);
    const queue = await this.dataSource.getRepository(QueueEntity).findOneBy({ key: queueKey });
    if (!queue) throw new NotFoundError('Queue', queueKey, 'queueKey');
    if (!queue.states.includes(state))
      throw ValidationFailedError.forField(
        'state',
        state,
        `queue ${queueKey} serves ${queue.states.join(', ')}`,
      );
    const rows = await this.dataSource.query<
      { interval_start: Date; interval_minutes: number; volume: string }[]
    >(
      `SELECT interval_start, interval_minutes, volume FROM forecast WHERE queue_id = $1 AND state = $2
       AND interval_start >= $3 AND interval_start < $4 ORDER BY interval_start`,
      [queue.id, state, window.start.toJSDate(), window.end.toJSDate()],
    );
    const intervalMinutes = rows[0]?.interval_minutes ?? 30;
    const starts = gridOf(window, intervalMinutes);
    const byStart = new Map(rows.map((row) => [row.interval_start.getTime(), Number(row.volume)]));
    const volumes = starts.map((start) => byStart.get(start.getTime()) ?? 0);
    const intervals =
      queue.channel === QueueChannel.VOICE
        ? voiceRequirements(queue, volumes, intervalMinutes)
        : deferredRequirements(queue, volumes, intervalMinutes);
    const withStarts = intervals.map((interval, i) => ({ ...interval, intervalStart: starts[i] }));
    return {
      queueKey,
      state,
      channel: queue.channel,
      week,
      timeZone: zone,
      intervalMinutes,
      intervals: withStarts,
      totalVolume: volumes.reduce((sum, v) => sum + v, 0),
      requiredAgentHours:
        (withStarts.reduce((sum, i) => sum + i.requiredAgents, 0) * intervalMinutes) / 60,
      minimumLevelStaff:
        queue.channel === QueueChannel.DEFERRED
          ? deferredLevelStaff(queue, volumes, intervalMinutes)
          : null,
    };
  }
}

function gridOf(window: WeekWindow, minutes: number): Date[] {
  const starts: Date[] = [];
  for (let t = window.start.toMillis(); t < window.end.toMillis(); t += minutes * 60_000)
    starts.push(new Date(t));
  return starts;
}

export function voiceParameters(queue: QueueEntity, intervalMinutes: number): QueueParameters {
  return {
    intervalSeconds: intervalMinutes * 60,
    ahtSeconds: queue.ahtSeconds!,
    targetAnswerSeconds: queue.targetAnswerSeconds!,
    targetServiceLevel: queue.targetServiceLevel!,
    maxOccupancy: queue.maxOccupancy,
    shrinkage: queue.shrinkage,
    patienceSeconds: queue.patienceSeconds,
  };
}

export function voiceRequirements(
  queue: QueueEntity,
  volumes: number[],
  intervalMinutes: number,
): Omit<IntervalRequirement, 'intervalStart'>[] {
  const parameters = voiceParameters(queue, intervalMinutes);
  const valid = validateQueueParameters(parameters);
  const cells = volumes.map((arrivals, interval) => ({
    interval,
    queue: queue.key,
    state: '',
    arrivals,
    parameters,
  }));
  return computeRequirements(cells).map((cell, i) => ({
    volume: volumes[i],
    workload: cell.offeredLoad,
    requiredAgents: cell.requiredAgents,
    scheduledStaff: cell.scheduledStaff,
    serviceLevel:
      volumes[i] > 0
        ? queueMetricsFor(cell.requiredAgents, cell.offeredLoad, valid).serviceLevel
        : null,
  }));
}

function deferredParameters(queue: QueueEntity, intervalMinutes: number) {
  return {
    handleSeconds: queue.ahtSeconds!,
    intervalSeconds: intervalMinutes * 60,
    productiveFraction: 1 - queue.shrinkage,
  };
}

export function deferredRequirements(
  queue: QueueEntity,
  volumes: number[],
  intervalMinutes: number,
): Omit<IntervalRequirement, 'intervalStart'>[] {
  const parameters = deferredParameters(queue, intervalMinutes);
  return volumes.map((volume) => {
    const workload = deferredWorkloadAgents(volume, parameters);
    const requiredAgents = Math.ceil(workload - 1e-9);
    return { volume, workload, requiredAgents, scheduledStaff: requiredAgents, serviceLevel: null };
  });
}

function deferredLevelStaff(
  queue: QueueEntity,
  volumes: number[],
  intervalMinutes: number,
): number {
  const deadlineIntervals = Math.max(0, Math.floor(queue.deadlineMinutes! / intervalMinutes) - 1);
  const units = buildDeferredWorkFlow({
    ...deferredParameters(queue, intervalMinutes),
    arrivals: volumes,
    deadlineIntervals,
  });
  return minimumConstantStaff(units, volumes.length);
}

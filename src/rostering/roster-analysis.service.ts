import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { checkRoster, type CheckResult } from '../core/checker/index.js';
import { rosterCoverage, type RosterCoverage } from '../core/coverage/coverage.js';
import type { PlanningInstance } from '../core/model/instance.js';
import type { Roster as CoreRoster } from '../core/model/roster.js';
import { queueMetricsFor, validateQueueParameters } from '../core/staffing/index.js';
import { buildGrid } from '../core/time/index.js';
import { QueueChannel, QueueEntity } from '../demand/entities/queue.entity.js';
import { PlanningInstanceLoader } from '../planning/planning-instance.loader.js';
import { voiceParameters } from '../staffing/staffing.service.js';
import { RosterShiftEntity } from './entities/roster-shift.entity.js';
import { RosterEntity } from './entities/roster.entity.js';
import { toCoreRoster } from './roster.mapping.js';

export interface RosterAnalysis {
  readonly instance: PlanningInstance;
  readonly roster: CoreRoster;
  readonly check: CheckResult;
  readonly coverage: RosterCoverage;
  /** Service level per voice coverage cell, keyed `interval|queueId|state`. */
  readonly serviceLevels: Map<string, number>;
  readonly weeklyServiceLevel: number | null;
  readonly intervalStart: (index: number) => Date;
}

/**
 * Everything derived from a stored roster and the week's data: the independent checker's verdict
 * and soft terms, coverage and supervision headroom, and the service level the roster achieves.
 */
@Injectable()
export class RosterAnalysisService {
  private readonly perRequest = new WeakMap<object, Map<string, Promise<RosterAnalysis>>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningInstanceLoader,
  ) {}

  /** Memoised per request, so a query asking for totals, coverage and violations analyses once. */
  forRequest(request: object, rosterId: string): Promise<RosterAnalysis> {
    let cache = this.perRequest.get(request);
    if (!cache) this.perRequest.set(request, (cache = new Map<string, Promise<RosterAnalysis>>()));
    let analysis = cache.get(rosterId);
    if (!analysis) cache.set(rosterId, (analysis = this.analyse(rosterId)));
    return analysis;
  }

  async analyse(rosterId: string, replace?: CoreRoster): Promise<RosterAnalysis> {
    const stored = await this.dataSource
      .getRepository(RosterEntity)
      .findOneByOrFail({ id: rosterId });
    return this.analyseStored(stored, replace);
  }

  /**
   * As `analyse`, for a roster row already read: a caller that writes back guarded by the row's
   * version analyses exactly the version it read.
   */
  async analyseStored(stored: RosterEntity, replace?: CoreRoster): Promise<RosterAnalysis> {
    const { instance, roster } = await this.load(stored, replace);
    return this.analyseInstance(instance, roster);
  }

  /** The week's planning instance and the stored roster (or `replace`) in the core's terms. */
  async load(
    stored: RosterEntity,
    replace?: CoreRoster,
  ): Promise<{ instance: PlanningInstance; roster: CoreRoster }> {
    const roster =
      replace ??
      toCoreRoster(
        stored,
        await this.dataSource.getRepository(RosterShiftEntity).findBy({ rosterId: stored.id }),
      );
    const previousRoster = stored.basedOnId ? await this.coreRoster(stored.basedOnId) : null;
    const instance = await this.loader.load(stored.week, {
      timeZone: stored.timeZone,
      previousRoster,
    });
    return { instance, roster };
  }

  async analyseInstance(instance: PlanningInstance, roster: CoreRoster): Promise<RosterAnalysis> {
    const check = checkRoster(instance, roster);
    const coverage = rosterCoverage(instance, roster);
    const grid = buildGrid(instance.week);
    const { serviceLevels, weeklyServiceLevel } = await this.serviceLevels(
      instance,
      coverage,
      grid.start,
      grid.intervalMs,
    );
    return {
      instance,
      roster,
      check,
      coverage,
      serviceLevels,
      weeklyServiceLevel,
      intervalStart: (index) => new Date(grid.start + index * grid.intervalMs),
    };
  }

  async coreRoster(rosterId: string): Promise<CoreRoster> {
    const stored = await this.dataSource
      .getRepository(RosterEntity)
      .findOneByOrFail({ id: rosterId });
    return toCoreRoster(
      stored,
      await this.dataSource.getRepository(RosterShiftEntity).findBy({ rosterId }),
    );
  }

  /** Voice cells: the service level of the scheduled heads (after shrinkage) on the forecast volume. */
  private async serviceLevels(
    instance: PlanningInstance,
    coverage: RosterCoverage,
    gridStart: number,
    intervalMs: number,
  ) {
    const voiceIds = instance.queues.filter((q) => q.channel === 'VOICE').map((q) => q.id);
    const serviceLevels = new Map<string, number>();
    if (voiceIds.length === 0) return { serviceLevels, weeklyServiceLevel: null };
    const queues = new Map(
      (
        await this.dataSource
          .getRepository(QueueEntity)
          .findBy({ id: In(voiceIds), channel: QueueChannel.VOICE })
      ).map((q) => [q.id, q]),
    );
    const rows = await this.dataSource.query<
      { queue_id: string; state: string; interval_start: Date; volume: string }[]
    >(
      'SELECT queue_id, state, interval_start, volume FROM forecast WHERE queue_id = ANY($1) AND interval_start >= $2 AND interval_start < $3',
      [voiceIds, new Date(gridStart), new Date(gridStart + intervalMs * 10_000)],
    );
    const volumes = new Map(
      rows.map((r) => [
        `${Math.round((r.interval_start.getTime() - gridStart) / intervalMs)}|${r.queue_id}|${r.state}`,
        Number(r.volume),
      ]),
    );
    let answered = 0;
    let offered = 0;
    for (const cell of coverage.cells) {
      const queue = queues.get(cell.queueId);
      const key = `${cell.intervalIndex}|${cell.queueId}|${cell.state}`;
      const volume = volumes.get(key) ?? 0;
      if (!queue || volume <= 0) continue;
      const parameters = validateQueueParameters(
        voiceParameters(queue, instance.week.intervalMinutes),
      );
      const agents = Math.floor(cell.scheduled * (1 - parameters.shrinkage) + 1e-9);
      const load = (volume * parameters.ahtSeconds) / parameters.intervalSeconds;
      const level = queueMetricsFor(agents, load, parameters).serviceLevel;
      serviceLevels.set(key, level);
      answered += level * volume;
      offered += volume;
    }
    return { serviceLevels, weeklyServiceLevel: offered > 0 ? answered / offered : null };
  }
}

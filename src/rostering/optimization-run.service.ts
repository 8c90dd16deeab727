import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { planningWeek } from '../staffing/staffing.service.js';
import { OptimizationRunEntity, RunStatus } from './entities/optimization-run.entity.js';
import { RosterShiftEntity } from './entities/roster-shift.entity.js';
import { RosterEntity } from './entities/roster.entity.js';
import type { OptimizationRun, StartRosterOptimizationInput } from './graphql/run.model.js';
import { JobQueue } from './job-queue.service.js';

/** A running solve renews its heartbeat every few seconds; this much silence means its process is gone. */
export const HEARTBEAT_TIMEOUT_MS = 60_000;
const EXPIRY_GRACE_SECONDS = 300;

export function toRun(e: OptimizationRunEntity): OptimizationRun {
  const conflicts =
    (e.infeasibility as { conflicts?: OptimizationRun['infeasibility'] } | null)?.conflicts ?? null;
  return {
    id: e.id,
    week: e.week,
    status: e.status,
    timeLimitSeconds: e.timeLimitSeconds,
    seed: e.seed,
    iterationBudget: e.iterationBudget,
    searchIterations: e.searchIterations,
    reproducible: e.reproducible,
    progress: e.progress,
    rosterId: e.rosterId,
    failureReason: e.failureReason,
    infeasibility: conflicts?.map((c) => ({ ...c, state: c.state ?? null })) ?? null,
    requestedBy: e.requestedBy,
    createdAt: e.createdAt,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
  };
}

@Injectable()
export class OptimizationRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  /** Validates and queues a run; returns at once with status QUEUED. */
  async start(input: StartRosterOptimizationInput, principal: Principal): Promise<OptimizationRun> {
    planningWeek(input.week, this.config.planning.timeZone);
    await this.assertBaseline(input);
    const timeLimitSeconds = input.timeLimitSeconds ?? this.config.solver.timeLimitSeconds;
    const run = await this.dataSource.getRepository(OptimizationRunEntity).save({
      week: input.week,
      timeLimitSeconds,
      seed: input.seed ?? 1,
      iterationBudget: input.iterationBudget ?? null,
      pinnedShiftIds: [...new Set(input.pinnedShiftIds)],
      baselineRosterId: input.baselineRosterId ?? null,
      weights: Object.fromEntries(
        Object.entries(input.weights ?? {}).filter(([, v]) => typeof v === 'number'),
      ),
      requestedBy: principal.subject,
    });
    try {
      await this.jobs.enqueue({ runId: run.id }, timeLimitSeconds + EXPIRY_GRACE_SECONDS);
    } catch (error) {
      await this.finish(run.id, RunStatus.FAILED, {
        failureReason: `could not be queued: ${error instanceof Error ? error.message : String(error)}`,
      });
      throw error;
    }
    return toRun(await this.get(run.id));
  }

  async byId(id: string): Promise<OptimizationRun> {
    return toRun(await this.get(id));
  }

  async list(week: string): Promise<OptimizationRun[]> {
    const rows = await this.dataSource
      .getRepository(OptimizationRunEntity)
      .find({ where: { week }, order: { createdAt: 'DESC' }, take: 50 });
    return rows.map(toRun);
  }

  /** A queued run ends at once; a running one stops at its next progress tick. */
  async cancel(id: string): Promise<OptimizationRun> {
    const repository = this.dataSource.getRepository(OptimizationRunEntity);
    const queued = await repository.update(
      { id, status: RunStatus.QUEUED },
      {
        status: RunStatus.CANCELLED,
        finishedAt: new Date(),
        failureReason: 'cancelled before it started',
      },
    );
    if (!queued.affected) {
      const running = await repository.update(
        { id, status: RunStatus.RUNNING },
        { cancelRequested: true },
      );
      if (!running.affected) {
        const run = await this.get(id);
        throw new ConflictError(`Run ${id} has already ended (${run.status})`, {
          field: 'id',
          value: id,
        });
      }
    }
    return toRun(await this.get(id));
  }

  /** Runs whose worker stopped renewing its heartbeat lost their process: they end as FAILED. */
  async failAbandonedRuns(now = new Date()): Promise<number> {
    const stale = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS);
    const result = await this.dataSource.getRepository(OptimizationRunEntity).update(
      { status: RunStatus.RUNNING, heartbeatAt: LessThan(stale) },
      {
        status: RunStatus.FAILED,
        finishedAt: now,
        failureReason: `the run lost its process (no heartbeat for ${HEARTBEAT_TIMEOUT_MS / 1000} s)`,
      },
    );
    return result.affected ?? 0;
  }

  async finish(
    id: string,
    status: RunStatus,
    fields: Partial<OptimizationRunEntity> = {},
  ): Promise<void> {
    await this.dataSource
      .getRepository(OptimizationRunEntity)
      .update(
        { id, status: In([RunStatus.QUEUED, RunStatus.RUNNING]) },
        { ...fields, status, finishedAt: new Date() },
      );
  }

  private async get(id: string): Promise<OptimizationRunEntity> {
    const run = await this.dataSource.getRepository(OptimizationRunEntity).findOneBy({ id });
    if (!run) throw new NotFoundError('OptimizationRun', id);
    return run;
  }

  private async assertBaseline(input: StartRosterOptimizationInput): Promise<void> {
    if (!input.baselineRosterId) {
      if (input.pinnedShiftIds.length > 0)
        throw ValidationFailedError.forField(
          'input.pinnedShiftIds',
          input.pinnedShiftIds[0],
          'pinned shifts come from a baseline roster: give baselineRosterId',
        );
      return;
    }
    const baseline = await this.dataSource
      .getRepository(RosterEntity)
      .findOneBy({ id: input.baselineRosterId });
    if (!baseline)
      throw new NotFoundError('Roster', input.baselineRosterId, 'input.baselineRosterId');
    if (baseline.week !== input.week)
      throw ValidationFailedError.forField(
        'input.baselineRosterId',
        input.baselineRosterId,
        `is a roster of the week ${baseline.week}, not ${input.week}`,
      );
    const shifts = await this.dataSource
      .getRepository(RosterShiftEntity)
      .find({ select: { id: true }, where: { rosterId: baseline.id } });
    const known = new Set(shifts.map((s) => s.id));
    const unknown = input.pinnedShiftIds.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw ValidationFailedError.forField(
        `input.pinnedShiftIds[${unknown}]`,
        input.pinnedShiftIds[unknown],
        'is not a shift of the baseline roster',
      );
  }
}

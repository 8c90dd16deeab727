import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { checkRoster } from '../core/checker/index.js';
import type { PlanningInstance } from '../core/model/instance.js';
import type { Shift } from '../core/model/roster.js';
import {
  RosterVerificationError,
  type SolveProgress,
  type SolveResult,
} from '../core/optimizer/types.js';
import { PlanningInstanceLoader } from '../planning/planning-instance.loader.js';
import { OptimizationRunEntity, RunStatus } from './entities/optimization-run.entity.js';
import { RosterShiftEntity } from './entities/roster-shift.entity.js';
import { RosterEntity, RosterSource } from './entities/roster.entity.js';
import { JobQueue, type OptimizationJob } from './job-queue.service.js';
import { OptimizationRunService } from './optimization-run.service.js';
import { ROSTER_SOLVER, type RosterSolver } from './roster-solver.js';
import { storedAllocations, storedSupervision, toCoreRoster } from './roster.mapping.js';

const PROGRESS_EVERY_MS = 1000;
const SWEEP_EVERY_MS = 30_000;

/**
 * Consumes optimization jobs: load the week (reads only), solve in a worker thread with no
 * transaction open, then save the draft and end the run in one short transaction. Progress and a
 * heartbeat are written about once a second; a cancel request is noticed at the same tick.
 */
@Injectable()
export class OptimizationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OptimizationWorker.name);
  private sweeper: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<AbortController>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROSTER_SOLVER) private readonly solver: RosterSolver,
    private readonly jobs: JobQueue,
    private readonly runs: OptimizationRunService,
    private readonly loader: PlanningInstanceLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.solver.workerEnabled) return;
    await this.runs.failAbandonedRuns();
    this.sweeper = setInterval(
      () =>
        void this.runs
          .failAbandonedRuns()
          .catch((error: unknown) => this.logger.error({ err: error }, 'sweep failed')),
      SWEEP_EVERY_MS,
    );
    this.sweeper.unref();
    await this.jobs.work((job) => this.process(job));
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const controller of this.inFlight) controller.abort();
  }

  async process({ runId }: OptimizationJob): Promise<void> {
    const run = await this.claim(runId);
    if (!run) return;
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const instance = await this.instanceFor(run);
      const result = await this.solver.solve(
        instance,
        {
          timeLimitSeconds: run.timeLimitSeconds,
          seed: run.seed,
          ...(run.iterationBudget !== null ? { iterationBudget: run.iterationBudget } : {}),
        },
        {
          signal: controller.signal,
          onProgress: this.progressReporter(run.id, controller),
        },
      );
      await this.complete(run, instance, result);
    } catch (error) {
      this.logger.error({ err: error, runId }, 'optimization run failed');
      const reason =
        error instanceof RosterVerificationError
          ? `internal error: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      await this.runs.finish(run.id, RunStatus.FAILED, { failureReason: reason });
    } finally {
      this.inFlight.delete(controller);
    }
  }

  /** QUEUED → RUNNING, atomically: a run cancelled while queued, or taken by another instance, is skipped. */
  private async claim(runId: string): Promise<OptimizationRunEntity | null> {
    const now = new Date();
    const claimed = await this.dataSource
      .getRepository(OptimizationRunEntity)
      .update(
        { id: runId, status: RunStatus.QUEUED },
        { status: RunStatus.RUNNING, startedAt: now, heartbeatAt: now },
      );
    return claimed.affected
      ? this.dataSource.getRepository(OptimizationRunEntity).findOneByOrFail({ id: runId })
      : null;
  }

  private async instanceFor(run: OptimizationRunEntity): Promise<PlanningInstance> {
    if (!run.baselineRosterId)
      return this.loader.load(run.week, { weights: run.weights, seed: run.seed });
    const baseline = await this.dataSource
      .getRepository(RosterEntity)
      .findOneByOrFail({ id: run.baselineRosterId });
    const shifts = await this.dataSource
      .getRepository(RosterShiftEntity)
      .findBy({ rosterId: baseline.id });
    const previousRoster = toCoreRoster(baseline, shifts);
    const pinned = new Set(run.pinnedShiftIds);
    const pinnedShifts: Shift[] = previousRoster.shifts
      .filter((s) => pinned.has(s.id))
      .map((s) => ({ ...s, pinned: true }));
    return this.loader.load(run.week, {
      weights: run.weights,
      seed: run.seed,
      previousRoster,
      pinnedShifts,
    });
  }

  private progressReporter(
    runId: string,
    controller: AbortController,
  ): (progress: SolveProgress) => void {
    let last = 0;
    return (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && progress.phase !== 'done') return;
      last = now;
      void this.recordProgress(runId, progress, controller).catch((error: unknown) =>
        this.logger.warn({ err: error, runId }, 'could not record progress'),
      );
    };
  }

  private async recordProgress(
    runId: string,
    progress: SolveProgress,
    controller: AbortController,
  ): Promise<void> {
    await this.dataSource
      .getRepository(OptimizationRunEntity)
      .update(
        { id: runId, status: RunStatus.RUNNING },
        { progress: { ...progress }, heartbeatAt: new Date() },
      );
    const run = await this.dataSource
      .getRepository(OptimizationRunEntity)
      .findOne({ select: { id: true, cancelRequested: true }, where: { id: runId } });
    if (run?.cancelRequested) controller.abort();
  }

  private async complete(
    run: OptimizationRunEntity,
    instance: PlanningInstance,
    result: SolveResult,
  ): Promise<void> {
    const [current] = await this.dataSource.query<{ cancel_requested: boolean }[]>(
      'SELECT cancel_requested FROM optimization_run WHERE id = $1',
      [run.id],
    );
    if (result.status === 'CANCELLED' || current?.cancel_requested) {
      await this.runs.finish(run.id, RunStatus.CANCELLED, {
        failureReason: 'cancelled while running',
        ...searchFields(result),
        reproducible: false,
      });
      return;
    }
    if (result.status === 'INFEASIBLE' || !result.roster) {
      await this.runs.finish(run.id, RunStatus.FAILED, {
        ...searchFields(result),
        failureReason: 'No roster satisfies the hard rules of this week',
        infeasibility: result.infeasibility
          ? {
              conflicts: result.infeasibility.conflicts.map((c) => ({
                ...c,
                rules: [...c.rules],
                employeeIds: [...c.employeeIds],
              })),
            }
          : null,
      });
      return;
    }
    const check = checkRoster(instance, result.roster);
    if (check.violations.length > 0)
      throw new RosterVerificationError(result.method, check.violations);
    await this.saveDraft(run, instance, result);
  }

  /** Saves the draft as the week's next version and ends the run, all or nothing. */
  private async saveDraft(
    run: OptimizationRunEntity,
    instance: PlanningInstance,
    result: SolveResult,
  ): Promise<void> {
    const roster = result.roster!;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('roster-week:' || $1, 0))`,
        [run.week],
      );
      const [{ next }] = await manager.query<{ next: number }[]>(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM roster WHERE week = $1',
        [run.week],
      );
      const saved = await manager.getRepository(RosterEntity).save({
        week: run.week,
        version: next,
        source: run.baselineRosterId ? RosterSource.REOPTIMIZATION : RosterSource.OPTIMIZER,
        basedOnId: run.baselineRosterId,
        runId: run.id,
        timeZone: instance.week.timeZone,
        intervalMinutes: instance.week.intervalMinutes,
        allocations: storedAllocations(roster),
        supervision: storedSupervision(roster),
        objective: result.objective,
        lowerBound: result.lowerBound,
        gap: result.gap,
        solveMethod: result.method,
        explanations: [...result.explanations],
        createdBy: run.requestedBy,
      });
      const pinned = new Set(
        instance.pinnedShifts.map((s) => `${s.employeeId}|${s.start}|${s.end}`),
      );
      const shifts = roster.shifts.map((s) => ({
        rosterId: saved.id,
        employeeId: s.employeeId,
        start: new Date(s.start),
        end: new Date(s.end),
        templateId: s.templateId,
        pinned: pinned.has(`${s.employeeId}|${s.start}|${s.end}`),
      }));
      for (let i = 0; i < shifts.length; i += 1000)
        await manager.getRepository(RosterShiftEntity).insert(shifts.slice(i, i + 1000));
      const ended = await manager.getRepository(OptimizationRunEntity).update(
        { id: run.id, status: RunStatus.RUNNING },
        {
          status: RunStatus.SUCCEEDED,
          rosterId: saved.id,
          finishedAt: new Date(),
          ...searchFields(result),
          progress: {
            phase: 'done',
            bestObjective: result.objective,
            bound: result.lowerBound,
            gap: result.gap,
            elapsedSeconds: result.elapsedSeconds,
          },
        },
      );
      if (!ended.affected)
        throw new Error(`run ${run.id} is no longer running; its roster is not saved`);
    });
  }
}

/** What a run records of its search: the iterations it ran and whether its roster is reproducible. */
function searchFields(
  result: SolveResult,
): Pick<OptimizationRunEntity, 'searchIterations' | 'reproducible'> {
  return { searchIterations: result.search?.iterations ?? null, reproducible: result.reproducible };
}

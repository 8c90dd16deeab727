import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PlanningModule } from '../planning/planning.module.js';
import { JobQueue } from './job-queue.service.js';
import { OptimizationRunService } from './optimization-run.service.js';
import { OptimizationWorker } from './optimization.worker.js';
import { RosterAnalysisService } from './roster-analysis.service.js';
import { ROSTER_SOLVER } from './roster-solver.js';
import { RosterService } from './roster.service.js';
import {
  OptimizationRunResolver,
  RosterEditResolver,
  RosterResolver,
} from './rostering.resolver.js';
import { RosterEditService } from './roster-edit.service.js';
import { WorkerThreadRosterSolver } from './worker-thread.solver.js';

/** The weekly roster workflow: durable optimization runs, versions, coverage, publishing. */
@Module({
  imports: [PlanningModule, NotificationsModule],
  providers: [
    JobQueue,
    OptimizationRunService,
    OptimizationWorker,
    RosterAnalysisService,
    RosterService,
    RosterEditService,
    RosterEditResolver,
    OptimizationRunResolver,
    RosterResolver,
    { provide: ROSTER_SOLVER, useClass: WorkerThreadRosterSolver },
  ],
  exports: [RosterService, RosterAnalysisService, OptimizationRunService],
})
export class RosteringModule {}

import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum RunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export interface RunProgressRecord {
  phase: string;
  bestObjective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedSeconds: number;
}

/** A durable optimization request: queued in PostgreSQL (pg-boss), solved off the request thread. */
@Entity('optimization_run')
@Index(['week', 'createdAt'])
@Index(['status'])
@Check('optimization_run_iteration_budget', '"iteration_budget" IS NULL OR "iteration_budget" > 0')
export class OptimizationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'date' })
  week!: string;

  @Column({
    type: 'enum',
    enum: RunStatus,
    enumName: 'optimization_run_status',
    default: RunStatus.QUEUED,
  })
  status!: RunStatus;

  @Column({ name: 'time_limit_seconds', type: 'integer' })
  timeLimitSeconds!: number;

  @Column({ type: 'integer', default: 1 })
  seed!: number;

  /** Iterations the search may run: set for a reproducible run, null for one on the clock alone. */
  @Column({ name: 'iteration_budget', type: 'integer', nullable: true })
  iterationBudget!: number | null;

  /** Iterations the search ran (null until the run ends, or when no search ran). */
  @Column({ name: 'search_iterations', type: 'integer', nullable: true })
  searchIterations!: number | null;

  /** Whether the same week data, seed and budget give this run's roster again (null until it ends). */
  @Column({ type: 'boolean', nullable: true })
  reproducible!: boolean | null;

  @Column({ name: 'pinned_shift_ids', type: 'uuid', array: true, default: () => "'{}'" })
  pinnedShiftIds!: string[];

  @Column({ name: 'baseline_roster_id', type: 'uuid', nullable: true })
  baselineRosterId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  weights!: Record<string, number>;

  @Column({ type: 'jsonb', nullable: true })
  progress!: RunProgressRecord | null;

  @Column({ name: 'roster_id', type: 'uuid', nullable: true })
  rosterId!: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  infeasibility!: {
    conflicts: { rules: string[]; employeeIds: string[]; state?: string; message: string }[];
  } | null;

  /** Set by cancelOptimizationRun; the worker stops at its next progress tick. */
  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested!: boolean;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Renewed while a worker runs the solve; a stale heartbeat means the run lost its process. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;
}

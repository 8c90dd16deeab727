import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { decimalTransformer } from '../../database/transformers.js';

export enum RosterStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  /** Was published; a later version of the week was published since. Still readable. */
  SUPERSEDED = 'SUPERSEDED',
}

export enum RosterSource {
  OPTIMIZER = 'OPTIMIZER',
  REOPTIMIZATION = 'REOPTIMIZATION',
}

/** Technician work per interval, stored compactly: [employeeId, intervalIndex, queueId, state]. */
export type StoredAllocation = [string, number, string, string];
/** Pharmacist supervision per interval: [employeeId, intervalIndex, state, share]. */
export type StoredSupervision = [string, number, string, number];

/**
 * One version of a week's roster. Shifts are rows (roster_shift); the per-interval allocations and
 * supervision shares, which are only ever read whole, are kept as JSON.
 */
@Entity('roster')
@Index(['week', 'version'], { unique: true })
@Index('roster_one_published_per_week', ['week'], { unique: true, where: `"status" = 'PUBLISHED'` })
@Check('roster_version_positive', 'version > 0')
export class RosterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'date' })
  week!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({
    type: 'enum',
    enum: RosterStatus,
    enumName: 'roster_status',
    default: RosterStatus.DRAFT,
  })
  status!: RosterStatus;

  @Column({ type: 'enum', enum: RosterSource, enumName: 'roster_source' })
  source!: RosterSource;

  @Column({ name: 'based_on_id', type: 'uuid', nullable: true })
  basedOnId!: string | null;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId!: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'interval_minutes', type: 'smallint' })
  intervalMinutes!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  allocations!: StoredAllocation[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  supervision!: StoredSupervision[];

  @Column({ type: 'numeric', nullable: true, transformer: decimalTransformer })
  objective!: number | null;

  @Column({ name: 'lower_bound', type: 'numeric', nullable: true, transformer: decimalTransformer })
  lowerBound!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: decimalTransformer })
  gap!: number | null;

  @Column({ name: 'solve_method', type: 'text', nullable: true })
  solveMethod!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  explanations!: unknown[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Optimistic lock: an edit or trade checked against one version may not be applied to another. */
  @VersionColumn({ name: 'row_version' })
  rowVersion!: number;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { decimalTransformer } from '../../database/transformers.js';

export enum TaskType {
  INSURANCE_CLAIMS = 'INSURANCE_CLAIMS',
  EPRESCRIPTION_ENTRY = 'EPRESCRIPTION_ENTRY',
  CUSTOMER_CALLS = 'CUSTOMER_CALLS',
  QA_REVIEW = 'QA_REVIEW',
}

export enum QueueChannel {
  /** Answered within seconds: sized with Erlang C (or A, with patience). */
  VOICE = 'VOICE',
  /** Finished within a deadline: sized as backlog flow. */
  DEFERRED = 'DEFERRED',
}

/** A line of work. Voice queues carry service-level parameters; deferred queues a handle time and deadline. */
@Entity('queue')
@Check(
  'queue_voice_parameters',
  `channel <> 'VOICE' OR (aht_seconds IS NOT NULL AND target_service_level IS NOT NULL AND target_answer_seconds IS NOT NULL)`,
)
@Check(
  'queue_deferred_parameters',
  `channel <> 'DEFERRED' OR (aht_seconds IS NOT NULL AND deadline_minutes IS NOT NULL)`,
)
export class QueueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'task_type', type: 'enum', enum: TaskType, enumName: 'task_type' })
  taskType!: TaskType;

  @Column({ type: 'enum', enum: QueueChannel, enumName: 'queue_channel' })
  channel!: QueueChannel;

  /** Average handle time (voice) or handle time per item (deferred). */
  @Column({
    name: 'aht_seconds',
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: decimalTransformer,
  })
  ahtSeconds!: number | null;

  @Column({
    name: 'target_service_level',
    type: 'numeric',
    precision: 5,
    scale: 4,
    nullable: true,
    transformer: decimalTransformer,
  })
  targetServiceLevel!: number | null;

  @Column({ name: 'target_answer_seconds', type: 'integer', nullable: true })
  targetAnswerSeconds!: number | null;

  @Column({
    name: 'max_occupancy',
    type: 'numeric',
    precision: 5,
    scale: 4,
    nullable: true,
    transformer: decimalTransformer,
  })
  maxOccupancy!: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 4, default: 0, transformer: decimalTransformer })
  shrinkage!: number;

  /** Mean patience before a caller abandons; enables Erlang A. */
  @Column({
    name: 'patience_seconds',
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: decimalTransformer,
  })
  patienceSeconds!: number | null;

  @Column({ name: 'deadline_minutes', type: 'integer', nullable: true })
  deadlineMinutes!: number | null;

  @Column({ type: 'char', length: 2, array: true })
  states!: string[];

  @Column({ name: 'requires_state_licence', type: 'boolean', default: true })
  requiresStateLicence!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

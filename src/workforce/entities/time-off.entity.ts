import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { EmployeeEntity } from './employee.entity.js';

export enum TimeOffStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** An absolute interval off work. Only APPROVED time off binds the roster. */
@Check('time_off_order', 'end_at > start_at')
@Entity('time_off')
@Index(['employeeId', 'start'])
export class TimeOffEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<EmployeeEntity>;

  @Column({ name: 'start_at', type: 'timestamptz' })
  start!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  end!: Date;

  @Column({
    type: 'enum',
    enum: TimeOffStatus,
    enumName: 'time_off_status',
    default: TimeOffStatus.REQUESTED,
  })
  status!: TimeOffStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

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
import { RosterEntity } from '../../rostering/entities/roster.entity.js';
import { EmployeeRole } from '../../workforce/entities/employee.entity.js';

export enum OpenShiftStatus {
  /** Anyone eligible may pick it up. */
  OPEN = 'OPEN',
  /** Picked up, waiting for a manager's approval; nobody else can claim it meanwhile. */
  CLAIMED = 'CLAIMED',
  FILLED = 'FILLED',
  CANCELLED = 'CANCELLED',
}

export enum OpenShiftOrigin {
  /** The owner's approved time off took them off it. */
  TIME_OFF = 'TIME_OFF',
  /** A manager posted it, e.g. where the roster left demand uncovered. */
  MANAGER = 'MANAGER',
}

/** Work of an open shift per grid interval of its roster's week: [intervalIndex, queueId, state]. */
export type StoredOpenShiftWork = [number, string, string];

/** A shift of a published roster that nobody works yet, offered for pickup. */
@Entity('open_shift')
@Index(['rosterId', 'status'])
@Check('open_shift_order', 'end_at > start_at')
export class OpenShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'roster_id', type: 'uuid' })
  rosterId!: string;

  @ManyToOne(() => RosterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roster_id' })
  roster?: Relation<RosterEntity>;

  @Column({ name: 'start_at', type: 'timestamptz' })
  start!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  end!: Date;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Column({ type: 'enum', enum: EmployeeRole, enumName: 'employee_role' })
  role!: EmployeeRole;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  work!: StoredOpenShiftWork[];

  @Column({
    type: 'enum',
    enum: OpenShiftStatus,
    enumName: 'open_shift_status',
    default: OpenShiftStatus.OPEN,
  })
  status!: OpenShiftStatus;

  @Column({ type: 'enum', enum: OpenShiftOrigin, enumName: 'open_shift_origin' })
  origin!: OpenShiftOrigin;

  /** Whose shift it was, when it was someone's. */
  @Column({ name: 'previous_employee_id', type: 'uuid', nullable: true })
  previousEmployeeId!: string | null;

  @Column({ name: 'time_off_id', type: 'uuid', nullable: true })
  timeOffId!: string | null;

  /** The pickup that holds it (CLAIMED) or filled it (FILLED). */
  @Column({ name: 'trade_id', type: 'uuid', nullable: true })
  tradeId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

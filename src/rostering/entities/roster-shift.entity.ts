import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EmployeeEntity } from '../../workforce/entities/employee.entity.js';
import { RosterEntity } from './roster.entity.js';

/** A shift of one roster version: who works from when to when (UTC), from which template. */
@Entity('roster_shift')
@Index(['rosterId'])
@Index(['employeeId', 'start'])
@Check('roster_shift_order', 'end_at > start_at')
export class RosterShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'roster_id', type: 'uuid' })
  rosterId!: string;

  @ManyToOne(() => RosterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roster_id' })
  roster?: Relation<RosterEntity>;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<EmployeeEntity>;

  @Column({ name: 'start_at', type: 'timestamptz' })
  start!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  end!: Date;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;
}

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
import { EmployeeEntity } from './employee.entity.js';

/** A recurring weekly window in the employee's local time: ISO day of week (1 = Monday), start and end minutes. */
@Check('availability_day_of_week', 'day_of_week BETWEEN 1 AND 7')
@Check(
  'availability_window_order',
  'start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute',
)
@Entity('availability_window')
@Index(['employeeId', 'dayOfWeek'])
export class AvailabilityWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<EmployeeEntity>;

  @Column({ name: 'day_of_week', type: 'smallint' })
  dayOfWeek!: number;

  /** Minutes after local midnight, 0..1439. */
  @Column({ name: 'start_minute', type: 'smallint' })
  startMinute!: number;

  /** Minutes after local midnight, 1..1440 (1440 = midnight at the end of the day). */
  @Column({ name: 'end_minute', type: 'smallint' })
  endMinute!: number;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { decimalTransformer } from '../../database/transformers.js';
import { LicenceEntity } from './licence.entity.js';

export enum EmployeeRole {
  TECHNICIAN = 'TECHNICIAN',
  PHARMACIST = 'PHARMACIST',
}

/** A technician or pharmacist, with their employment contract. Pay and contact fields are personnel data. */
@Check(
  'employee_hours_order',
  'min_hours_per_week <= max_hours_per_week AND max_hours_per_day > 0 AND hourly_rate >= 0',
)
@Entity('employee')
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Insertion order: a stable, append-only key for cursor pagination. */
  @Column({ type: 'bigint', unique: true, update: false })
  @Generated('increment')
  seq!: string;

  @Index({ unique: true })
  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'enum', enum: EmployeeRole, enumName: 'employee_role' })
  role!: EmployeeRole;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'hire_date', type: 'date' })
  hireDate!: string;

  @Column({
    name: 'min_hours_per_week',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 0,
    transformer: decimalTransformer,
  })
  minHoursPerWeek!: number;

  @Column({
    name: 'max_hours_per_week',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 40,
    transformer: decimalTransformer,
  })
  maxHoursPerWeek!: number;

  @Column({
    name: 'max_hours_per_day',
    type: 'numeric',
    precision: 4,
    scale: 2,
    default: 10,
    transformer: decimalTransformer,
  })
  maxHoursPerDay!: number;

  @Column({
    name: 'min_rest_hours',
    type: 'numeric',
    precision: 4,
    scale: 2,
    default: 10,
    transformer: decimalTransformer,
  })
  minRestHours!: number;

  @Column({ name: 'max_consecutive_days', type: 'smallint', default: 6 })
  maxConsecutiveDays!: number;

  @Column({
    name: 'overtime_threshold_hours',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 40,
    transformer: decimalTransformer,
  })
  overtimeThresholdHours!: number;

  @Column({
    name: 'overtime_multiplier',
    type: 'numeric',
    precision: 4,
    scale: 2,
    default: () => '1.5',
    transformer: decimalTransformer,
  })
  overtimeMultiplier!: number;

  @Column({
    name: 'hourly_rate',
    type: 'numeric',
    precision: 8,
    scale: 2,
    transformer: decimalTransformer,
  })
  hourlyRate!: number;

  /** Queue keys this employee may work. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills!: string[];

  @Column({ type: 'boolean', default: true })
  remote!: boolean;

  /** Hours of remote data-entry experience, for states that require a minimum (e.g. AZ: 1,000 h). */
  @Column({ name: 'remote_experience_hours', type: 'integer', default: 0 })
  remoteExperienceHours!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @OneToMany(() => LicenceEntity, (licence) => licence.employee)
  licences?: Relation<LicenceEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

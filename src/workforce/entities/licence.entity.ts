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

export enum LicenceKind {
  PHARMACIST_LICENCE = 'PHARMACIST_LICENCE',
  TECHNICIAN_LICENCE = 'TECHNICIAN_LICENCE',
  TECHNICIAN_REGISTRATION = 'TECHNICIAN_REGISTRATION',
}

/** A state board's licence or registration. Validity is checked against the date of every shift. */
@Check('licence_validity_order', 'valid_until IS NULL OR valid_until >= valid_from')
@Entity('licence')
@Index(['employeeId', 'state', 'kind'], { unique: true })
@Index(['state'])
export class LicenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => EmployeeEntity, (employee) => employee.licences, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<EmployeeEntity>;

  @Column({ type: 'char', length: 2 })
  state!: string;

  @Column({ type: 'enum', enum: LicenceKind, enumName: 'licence_kind' })
  kind!: LicenceKind;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

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

export enum CertificationKind {
  /** Certified Pharmacy Technician, Pharmacy Technician Certification Board. */
  CPHT = 'CPHT',
  /** Exam for the Certification of Pharmacy Technicians, National Healthcareer Association. */
  EXCPT = 'EXCPT',
  OTHER = 'OTHER',
}

@Check('certification_validity_order', 'expires IS NULL OR expires >= obtained')
@Entity('certification')
@Index(['employeeId', 'kind'], { unique: true })
export class CertificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<EmployeeEntity>;

  @Column({ type: 'enum', enum: CertificationKind, enumName: 'certification_kind' })
  kind!: CertificationKind;

  @Column({ type: 'date' })
  obtained!: string;

  @Column({ type: 'date', nullable: true })
  expires!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

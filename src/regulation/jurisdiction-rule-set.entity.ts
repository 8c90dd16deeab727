import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskType } from '../demand/entities/queue.entity.js';

export enum SupervisionKind {
  NONE = 'NONE',
  RATIO = 'RATIO',
}

/** How many technicians pharmacists may supervise, by how many of the technicians are certified. */
export interface RatioTierRecord {
  minCertifiedTechnicians: number;
  firstPharmacist: number;
  eachAdditionalPharmacist: number;
}

/** The state credential a remote task needs: none, a registration (or licence), or a licence. */
export enum StateCredential {
  NONE = 'NONE',
  REGISTRATION = 'REGISTRATION',
  LICENCE = 'LICENCE',
}

export interface TaskRuleRecord {
  taskType: TaskType;
  remoteAllowed: boolean;
  minStateCredential: StateCredential;
  /** National certification (CPhT or ExCPT) valid on the date of the work. */
  requiresCertification: boolean;
  minExperienceHours: number;
}

/**
 * One version of a state's rules, in force from `effectiveFrom` until the next version.
 * Versions are append-only: a change is a new row, so rosters of past weeks stay explainable.
 */
@Entity('jurisdiction_rule_set')
@Index(['state', 'effectiveFrom'], { unique: true })
export class JurisdictionRuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 2 })
  state!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({
    name: 'supervision_kind',
    type: 'enum',
    enum: SupervisionKind,
    enumName: 'supervision_kind',
  })
  supervisionKind!: SupervisionKind;

  @Column({ name: 'ratio_tiers', type: 'jsonb', default: () => "'[]'" })
  ratioTiers!: RatioTierRecord[];

  @Column({ name: 'max_uncertified_per_pharmacist', type: 'smallint', nullable: true })
  maxUncertifiedPerPharmacist!: number | null;

  @Column({ name: 'remote_technicians_count', type: 'boolean', default: true })
  remoteTechniciansCount!: boolean;

  @Column({ name: 'supervisor_must_hold_state_licence', type: 'boolean', default: true })
  supervisorMustHoldStateLicence!: boolean;

  @Column({ name: 'interns_count', type: 'boolean', default: false })
  internsCount!: boolean;

  @Column({ name: 'task_rules', type: 'jsonb', default: () => "'[]'" })
  taskRules!: TaskRuleRecord[];

  @Column({ type: 'text' })
  citation!: string;

  @Column({ name: 'confidence_note', type: 'text', nullable: true })
  confidenceNote!: string | null;

  /** Shipped example data that must be verified with the state board before use. */
  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

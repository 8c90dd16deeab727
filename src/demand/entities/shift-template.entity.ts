import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** Which shifts may be built: local start times, lengths, and the unpaid break rule. */
@Entity('shift_template')
export class ShiftTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Allowed starts, minutes after local midnight. */
  @Column({ name: 'start_minutes', type: 'smallint', array: true })
  startMinutes!: number[];

  @Column({ name: 'length_minutes', type: 'smallint', array: true })
  lengthMinutes!: number[];

  /** A shift of at least minShiftMinutes includes unpaidMinutes of unpaid break (the largest rule that applies). */
  @Column({ name: 'unpaid_breaks', type: 'jsonb', default: () => "'[]'" })
  unpaidBreaks!: { minShiftMinutes: number; unpaidMinutes: number }[];

  /** A site or state the template applies to; null for every site. */
  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

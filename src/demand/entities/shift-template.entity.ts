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

  /** Shifts at least this long include an unpaid break of `unpaidBreakMinutes`. */
  @Column({ name: 'break_after_minutes', type: 'smallint', nullable: true })
  breakAfterMinutes!: number | null;

  @Column({ name: 'unpaid_break_minutes', type: 'smallint', default: 0 })
  unpaidBreakMinutes!: number;

  /** A site or state the template applies to; null for every site. */
  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

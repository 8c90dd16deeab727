import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The record of a manual edit of a draft, with any soft-rule breach the manager accepted and why. */
@Entity('roster_edit')
@Index(['rosterId', 'createdAt'])
export class RosterEditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'roster_id', type: 'uuid' })
  rosterId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  detail!: object;

  @Column({ name: 'accepted_breaches', type: 'jsonb', default: () => "'[]'" })
  acceptedBreaches!: string[];

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'edited_by', type: 'text' })
  editedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import {
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

export enum TradeKind {
  /** My shift for your shift. */
  SWAP = 'SWAP',
  /** My shift to a named colleague. */
  GIVE_AWAY = 'GIVE_AWAY',
  /** My shift to whoever eligible claims it first. */
  OFFER = 'OFFER',
  /** An open shift, taken by the requester. */
  PICKUP = 'PICKUP',
}

export enum TradeStatus {
  REQUESTED = 'REQUESTED',
  /** The colleague (or, for a pickup, the requester) has taken it; a manager may still have to approve. */
  ACCEPTED = 'ACCEPTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

export const OPEN_TRADE_STATUSES = [TradeStatus.REQUESTED, TradeStatus.ACCEPTED] as const;

/** Why a trade needs a manager, or why it was refused: the checker's findings, stored as shown. */
export interface StoredTradeReason {
  readonly rule: string;
  readonly message: string;
}

/**
 * A shift trade on a published roster. `shiftId` is the requester's shift (none for a pickup);
 * `counterpartShiftId` the colleague's shift in a swap; `openShiftId` the shift picked up.
 */
@Entity('shift_trade')
@Index(['requesterId', 'createdAt'])
@Index(['counterpartId', 'createdAt'])
@Index(['status', 'expiresAt'])
@Index('shift_trade_one_open_per_shift', ['shiftId'], {
  unique: true,
  where: `"status" IN ('REQUESTED', 'ACCEPTED')`,
})
export class ShiftTradeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: TradeKind, enumName: 'trade_kind' })
  kind!: TradeKind;

  @Column({
    type: 'enum',
    enum: TradeStatus,
    enumName: 'trade_status',
    default: TradeStatus.REQUESTED,
  })
  status!: TradeStatus;

  @Column({ name: 'roster_id', type: 'uuid' })
  rosterId!: string;

  @ManyToOne(() => RosterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roster_id' })
  roster?: Relation<RosterEntity>;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  @Column({ name: 'shift_id', type: 'uuid', nullable: true })
  shiftId!: string | null;

  @Column({ name: 'counterpart_id', type: 'uuid', nullable: true })
  counterpartId!: string | null;

  @Column({ name: 'counterpart_shift_id', type: 'uuid', nullable: true })
  counterpartShiftId!: string | null;

  @Column({ name: 'open_shift_id', type: 'uuid', nullable: true })
  openShiftId!: string | null;

  /** When ACCEPTED: a manager must decide, for `reasons`. */
  @Column({ name: 'awaiting_approval', type: 'boolean', default: false })
  awaitingApproval!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons!: StoredTradeReason[];

  /** The roster row version the last check was made against. */
  @Column({ name: 'checked_roster_version', type: 'integer', nullable: true })
  checkedRosterVersion!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Open trades lapse when the earliest shift involved starts. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ShiftTradeEntity, TradeStatus } from './shift-trade.entity.js';

/** One state change of a trade: to which status, by whom, when, and with what comment. */
@Entity('shift_trade_event')
@Index(['tradeId', 'at'])
export class ShiftTradeEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'trade_id', type: 'uuid' })
  tradeId!: string;

  @ManyToOne(() => ShiftTradeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trade_id' })
  trade?: Relation<ShiftTradeEntity>;

  @Column({ type: 'enum', enum: TradeStatus, enumName: 'trade_status' })
  status!: TradeStatus;

  /** Token subject, or `system` for automatic approvals, refusals on re-check and expiry. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_employee_id', type: 'uuid', nullable: true })
  actorEmployeeId!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}

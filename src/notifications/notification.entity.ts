import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationKind {
  ROSTER_PUBLISHED = 'ROSTER_PUBLISHED',
  /** A colleague asks you to take or swap a shift, or a trade waits for a manager. */
  TRADE_NEEDS_YOU = 'TRADE_NEEDS_YOU',
  TRADE_APPROVED = 'TRADE_APPROVED',
  TRADE_REJECTED = 'TRADE_REJECTED',
  /** One of your shifts changed hands, was added or was taken off you. */
  SHIFT_CHANGED = 'SHIFT_CHANGED',
  /** A published shift became open for pickup (e.g. its owner's time off was approved). */
  SHIFT_OPENED = 'SHIFT_OPENED',
  TIME_OFF_DECIDED = 'TIME_OFF_DECIDED',
}

/**
 * The notification outbox: one row per recipient and event, written in the transaction of the
 * change it reports. A mail or chat integration reads rows with `delivered_at` null and sets it;
 * the API shows employees their own. A row is for one employee or for everyone in a role
 * (managers).
 */
@Entity('notification')
@Index(['recipientEmployeeId', 'createdAt'])
@Index(['recipientRole', 'createdAt'])
@Index('notification_undelivered', ['createdAt'], { where: 'delivered_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_employee_id', type: 'uuid', nullable: true })
  recipientEmployeeId!: string | null;

  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  recipientRole!: string | null;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  message!: string;

  /** Ids for the integration to link to: rosterId, tradeId, shiftId, openShiftId, timeOffId. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, string | number | null>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}

import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { decimalTransformer } from '../../database/transformers.js';
import { QueueEntity } from './queue.entity.js';

/** Forecast volume (arrivals, or items for deferred work) for one queue, state and interval. */
@Check('forecast_volume_non_negative', 'volume >= 0')
@Check('forecast_interval_minutes', 'interval_minutes IN (15, 30)')
@Entity('forecast')
@Index(['intervalStart'])
export class ForecastEntity {
  @PrimaryColumn({ name: 'queue_id', type: 'uuid' })
  queueId!: string;

  @ManyToOne(() => QueueEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'queue_id' })
  queue?: Relation<QueueEntity>;

  @PrimaryColumn({ type: 'char', length: 2 })
  state!: string;

  @PrimaryColumn({ name: 'interval_start', type: 'timestamptz' })
  intervalStart!: Date;

  @Column({ name: 'interval_minutes', type: 'smallint' })
  intervalMinutes!: number;

  @Column({ type: 'numeric', precision: 12, scale: 3, transformer: decimalTransformer })
  volume!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

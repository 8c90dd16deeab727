import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only audit trail: who (subject, roles, key), what (operation, the ids
 * it touched, its outcome, the personnel fields it read, the personnel records it changed with old
 * and new values), when and from where (the request id). The table refuses UPDATE and DELETE (a trigger, see the migration); old entries
 * are removed only by the retention purge.
 */
@Entity('audit_event')
@Index(['occurredAt'])
@Index(['subject', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  @Column({ name: 'key_id', type: 'text', nullable: true })
  keyId!: string | null;

  /** MUTATION, READ for a read of personnel data, or REFUSED for a call the access guard turned away. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  operation!: string;

  @Column({ name: 'entity_ids', type: 'text', array: true, default: () => "'{}'" })
  entityIds!: string[];

  /** OK, or the error code the operation ended with. */
  @Column({ type: 'text' })
  outcome!: string;

  /** Personnel fields read, or the (clipped) arguments of a mutation. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: object;

  /**
   * Personnel records a mutation created, updated or deleted, with each changed field's old and new
   * value: `EntityChange[]` (entity-changes.ts), typed loosely here because TypeORM's deep-partial
   * insert type cannot follow a recursive JSON type.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: object[];
}

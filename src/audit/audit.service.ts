import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Principal } from '../auth/role.js';
import { decodeCursor, toConnection, type Connection } from '../common/graphql/connection.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { toAuditEntityChange, type AuditEvent, type AuditFilter } from './audit.model.js';
import type { EntityChange } from './entity-changes.js';

const PURGE_EVERY_MS = 24 * 3600 * 1000;

export interface AuditRecord {
  readonly principal: Principal | undefined;
  readonly requestId: string | null;
  readonly kind: 'MUTATION' | 'READ' | 'REFUSED';
  readonly operation: string;
  readonly entityIds: readonly string[];
  readonly outcome: string;
  readonly detail?: object;
  readonly changes?: readonly EntityChange[];
}

/** Writes and reads the append-only audit trail, and purges entries past the retention period. */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private purger: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.dataSource.getRepository(AuditEventEntity).insert({
      requestId: entry.requestId,
      subject: entry.principal?.subject ?? 'anonymous',
      roles: [...(entry.principal?.roles ?? [])],
      keyId: entry.principal?.keyId ?? null,
      kind: entry.kind,
      operation: entry.operation,
      entityIds: [...new Set(entry.entityIds)].slice(0, 200),
      outcome: entry.outcome,
      detail: entry.detail ?? {},
      changes: [...(entry.changes ?? [])],
    });
  }

  async list(
    filter: AuditFilter,
    first: number,
    after?: string | null,
  ): Promise<Connection<AuditEvent>> {
    const where: FindOptionsWhere<AuditEventEntity> = {};
    if (filter.subject) where.subject = filter.subject;
    if (filter.from && filter.to) where.occurredAt = Between(filter.from, filter.to);
    else if (filter.from) where.occurredAt = MoreThanOrEqual(filter.from);
    else if (filter.to) where.occurredAt = LessThan(filter.to);
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where(where)
      .orderBy('a.id', 'ASC')
      .limit(first + 1);
    // A bulk mutation lists at most 200 ids in entity_ids; its changes name every record it changed.
    if (filter.entityId)
      query.andWhere('(:entity = ANY(a.entity_ids) OR a.changes @> :changed::jsonb)', {
        entity: filter.entityId,
        changed: JSON.stringify([{ entityId: filter.entityId }]),
      });
    if (after != null) query.andWhere('a.id > :after', { after: decodeCursor(after) });
    const rows = await query.getMany();
    return toConnection(
      rows.map((row) => ({ ...row, seq: row.id })),
      first,
      (row) => ({
        id: row.id,
        occurredAt: row.occurredAt,
        requestId: row.requestId,
        subject: row.subject,
        roles: row.roles,
        kind: row.kind,
        operation: row.operation,
        entityIds: row.entityIds,
        outcome: row.outcome,
        detail: JSON.stringify(row.detail),
        changes: (row.changes as EntityChange[]).map(toAuditEntityChange),
      }),
    );
  }

  /** Deletes entries older than the retention period; the table's trigger allows nothing else. */
  async purgeExpired(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('audit.purge', 'on', true)`);
      const result = await manager.query<[unknown[], number]>(
        `DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => $1)`,
        [this.config.audit.retentionDays],
      );
      return result[1];
    });
  }

  onApplicationBootstrap(): void {
    this.purger = setInterval(
      () =>
        void this.purgeExpired().catch((error: unknown) =>
          this.logger.error({ err: error }, 'audit purge failed'),
        ),
      PURGE_EVERY_MS,
    );
    this.purger.unref();
  }

  onApplicationShutdown(): void {
    if (this.purger) clearInterval(this.purger);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { NotificationEntity, NotificationKind } from './notification.entity.js';
import { toNotification, type Notification } from './notification.model.js';

/** One outbox row: to one employee, or to everyone holding a role (e.g. MANAGER). */
export type NewNotification = {
  readonly kind: NotificationKind;
  readonly message: string;
  readonly payload: Record<string, string | number | null>;
} & ({ readonly employeeId: string } | { readonly role: string });

/**
 * The notification outbox. Writers pass their own transaction's manager, so a notification exists
 * exactly when the change it reports was committed.
 */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async notify(manager: EntityManager, notifications: readonly NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await manager.getRepository(NotificationEntity).insert(
      notifications.map((n) => ({
        kind: n.kind,
        message: n.message,
        payload: n.payload,
        recipientEmployeeId: 'employeeId' in n ? n.employeeId : null,
        recipientRole: 'role' in n ? n.role : null,
      })),
    );
  }

  /**
   * Everyone with a shift in the roster just published hears about it; whoever had shifts in the
   * version it replaces and has none now is told their shifts changed (two statements).
   */
  async rosterPublished(
    manager: EntityManager,
    rosterId: string,
    week: string,
    replacedRosterId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification (recipient_employee_id, kind, message, payload)
       SELECT DISTINCT employee_id, 'ROSTER_PUBLISHED'::notification_kind, $2, $3::jsonb
       FROM roster_shift WHERE roster_id = $1`,
      [rosterId, `The roster for the week of ${week} is published`, JSON.stringify({ rosterId })],
    );
    if (!replacedRosterId) return;
    await manager.query(
      `INSERT INTO notification (recipient_employee_id, kind, message, payload)
       SELECT DISTINCT employee_id, 'SHIFT_CHANGED'::notification_kind, $3, $4::jsonb
       FROM roster_shift WHERE roster_id = $2
         AND employee_id NOT IN (SELECT employee_id FROM roster_shift WHERE roster_id = $1)`,
      [
        rosterId,
        replacedRosterId,
        `The new roster for the week of ${week} has no shifts for you`,
        JSON.stringify({ rosterId }),
      ],
    );
  }

  /** The caller's own notifications (as an employee, and to each of their roles), newest first. */
  async mine(principal: Principal, unreadOnly: boolean, first: number): Promise<Notification[]> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where(
        new Brackets((recipient) => {
          recipient.where('n.recipient_role IN (:...roles)', { roles: principal.roles });
          if (principal.employeeId)
            recipient.orWhere('n.recipient_employee_id = :employeeId', {
              employeeId: principal.employeeId,
            });
        }),
      )
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first);
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    return (await query.getMany()).map(toNotification);
  }

  /** Marks the caller's own notifications read; others' ids are ignored. Returns how many changed. */
  async markRead(principal: Principal, ids: readonly string[]): Promise<number> {
    const own = await this.mineAmong(principal, ids);
    if (own.length === 0) return 0;
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id: In(own), readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }

  private async mineAmong(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      select: { id: true, recipientEmployeeId: true, recipientRole: true },
      where: { id: In([...ids]) },
    });
    return rows
      .filter(
        (n) =>
          (n.recipientEmployeeId !== null && n.recipientEmployeeId === principal.employeeId) ||
          (n.recipientRole !== null && principal.roles.some((r) => r === n.recipientRole)),
      )
      .map((n) => n.id);
  }
}

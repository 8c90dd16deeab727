import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { RosterEntity } from '../rostering/entities/roster.entity.js';
import { NotificationKind } from '../notifications/notification.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OpenShiftEntity, OpenShiftStatus } from './entities/open-shift.entity.js';
import { ShiftTradeEventEntity } from './entities/shift-trade-event.entity.js';
import {
  OPEN_TRADE_STATUSES,
  ShiftTradeEntity,
  TradeStatus,
} from './entities/shift-trade.entity.js';
import { tradeStateConflict } from './trade.mapping.js';

/** Who moved a trade on: a user, or the service itself. */
export interface Actor {
  readonly subject: string;
  readonly role: string;
  readonly employeeId: string | null;
}

export const SYSTEM_ACTOR: Actor = { subject: 'system', role: 'SYSTEM', employeeId: null };

export function actorOf(principal: Principal): Actor {
  return {
    subject: principal.subject,
    role: principal.roles.join(','),
    employeeId: principal.employeeId ?? null,
  };
}

/** A trade row without its relation object, as written. */
export type TradeRow = Omit<ShiftTradeEntity, 'roster'>;

export interface TradeStep {
  readonly status: TradeStatus;
  readonly actor: Actor;
  readonly comment?: string | null;
}

/**
 * A trade's state changes, each a guarded update (from the statuses the caller saw) plus its
 * history rows, in the caller's transaction. A lost race is a CONFLICT naming the status now.
 */
@Injectable()
export class TradeLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async insert(
    manager: EntityManager,
    trade: TradeRow,
    steps: readonly TradeStep[],
  ): Promise<void> {
    await manager.getRepository(ShiftTradeEntity).insert(trade);
    await this.record(manager, trade.id, steps);
  }

  async transition(
    manager: EntityManager,
    trade: ShiftTradeEntity,
    from: readonly TradeStatus[],
    patch: Partial<TradeRow> & { status: TradeStatus },
    steps: readonly TradeStep[],
  ): Promise<void> {
    const updated = await manager
      .getRepository(ShiftTradeEntity)
      .update({ id: trade.id, status: In([...from]) }, patch);
    if (!updated.affected) {
      const now = await manager.getRepository(ShiftTradeEntity).findOneBy({ id: trade.id });
      throw tradeStateConflict(trade, now, 'tradeId');
    }
    await this.record(manager, trade.id, steps);
  }

  private async record(
    manager: EntityManager,
    tradeId: string,
    steps: readonly TradeStep[],
  ): Promise<void> {
    // One statement per step keeps `at` (the insert time) in order within a transaction too.
    for (const step of steps)
      await manager.getRepository(ShiftTradeEventEntity).insert({
        tradeId,
        status: step.status,
        actor: step.actor.subject,
        actorRole: step.actor.role,
        actorEmployeeId: step.actor.employeeId,
        comment: step.comment ?? null,
        at: new Date(),
      });
  }

  /** Tells the trade's parties, except the employee who did it (if one did). */
  async tell(
    manager: EntityManager,
    trade: ShiftTradeEntity,
    kind: NotificationKind,
    message: string,
    exceptEmployeeId?: string | null,
  ): Promise<void> {
    await this.notifications.notify(
      manager,
      partiesOf(trade)
        .filter((id) => id !== exceptEmployeeId)
        .map((employeeId) => ({ employeeId, kind, message, payload: { tradeId: trade.id } })),
    );
  }

  /** Gives a pickup's held open shift back to everyone (the pickup was rejected, cancelled, expired). */
  async releaseOpenShift(manager: EntityManager, trade: ShiftTradeEntity): Promise<void> {
    if (!trade.openShiftId) return;
    await manager
      .getRepository(OpenShiftEntity)
      .update(
        { id: trade.openShiftId, status: OpenShiftStatus.CLAIMED, tradeId: trade.id },
        { status: OpenShiftStatus.OPEN, tradeId: null },
      );
  }

  /**
   * Open trades lapse: EXPIRED when their first shift has started, CANCELLED when a newer version
   * of their week's roster was published (their shifts are no longer the published ones). Both
   * sides are told; held open shifts are released, and open shifts of replaced rosters withdrawn.
   */
  async expireDue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const lapsed = await manager
        .getRepository(ShiftTradeEntity)
        .createQueryBuilder('t')
        .innerJoin(RosterEntity, 'r', 'r.id = t.roster_id')
        .where('t.status IN (:...open)', { open: OPEN_TRADE_STATUSES })
        .andWhere(
          new Brackets((q) =>
            q.where('t.expires_at <= :now', { now }).orWhere(`r.status <> 'PUBLISHED'`),
          ),
        )
        // Another instance closing the same trades skips them rather than waiting.
        .setLock('pessimistic_write', undefined, ['t'])
        .setOnLocked('skip_locked')
        .getMany();
      for (const trade of lapsed) {
        const expired = trade.expiresAt.getTime() <= now.getTime();
        const status = expired ? TradeStatus.EXPIRED : TradeStatus.CANCELLED;
        const why = expired
          ? 'the shift has started'
          : 'a newer version of the roster was published';
        await this.transition(
          manager,
          trade,
          OPEN_TRADE_STATUSES,
          { status, awaitingApproval: false },
          [{ status, actor: SYSTEM_ACTOR, comment: why }],
        );
        await this.releaseOpenShift(manager, trade);
        await this.tell(
          manager,
          trade,
          NotificationKind.TRADE_REJECTED,
          `A shift trade lapsed: ${why}`,
        );
      }
      await manager.query(
        `UPDATE open_shift o SET status = 'CANCELLED', updated_at = now() FROM roster r
         WHERE r.id = o.roster_id AND r.status <> 'PUBLISHED' AND o.status IN ('OPEN', 'CLAIMED')`,
      );
      return lapsed.length;
    });
  }
}

export function partiesOf(trade: ShiftTradeEntity): string[] {
  return [trade.requesterId, ...(trade.counterpartId ? [trade.counterpartId] : [])];
}

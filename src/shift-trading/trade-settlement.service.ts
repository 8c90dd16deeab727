import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, type Principal } from '../auth/role.js';
import { ConflictError } from '../core/errors.js';
import { NotificationKind } from '../notifications/notification.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OpenShiftEntity, OpenShiftStatus } from './entities/open-shift.entity.js';
import {
  ShiftTradeEntity,
  TradeStatus,
  type StoredTradeReason,
} from './entities/shift-trade.entity.js';
import { TradeOutcome, type TradeResult } from './graphql/trade.model.js';
import { PublishedRosterWriter, RosterChangedMeanwhile } from './published-roster.writer.js';
import { TradeCheckService, type TradeCheck } from './trade-check.service.js';
import { SYSTEM_ACTOR, TradeLedger, type Actor, type TradeStep } from './trade-ledger.service.js';
import { TradeReadService } from './trade-read.service.js';
import { reasonsOf, tradeResult } from './trade-result.js';
import { TradePlanner, type Plan } from './trade-planner.js';

/** How often a trade is re-checked when the roster keeps changing under it. */
const MAX_ATTEMPTS = 3;

export interface Settlement {
  /** A pickup not stored yet: refused, it leaves no trace; lost races are CONFLICTs. */
  readonly isNew: boolean;
  /** The status the caller saw; the write is guarded on it. */
  readonly from: TradeStatus;
  /** Who takes the shift now (the colleague, the claimer, the one picking up). */
  readonly taker: Actor;
  readonly takerComment?: string | null;
  /** A manager approving: applied even beyond the auto-approval policy, never past a hard rule. */
  readonly manager?: { readonly actor: Actor; readonly comment: string | null };
  /** Whether a hard-rule refusal ends the trade (not for a claim of an offer others may take). */
  readonly refusalClosesTrade: boolean;
  readonly viewer: Principal;
}

/**
 * Takes a trade to its end against the roster as it is now: refused on a hard rule, to a manager
 * beyond the auto-approval policy, else applied. The roster write is guarded by the version that
 * was checked; when it moved meanwhile the whole decision is made again.
 */
@Injectable()
export class TradeSettlement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: TradeCheckService,
    private readonly writer: PublishedRosterWriter,
    private readonly ledger: TradeLedger,
    private readonly notifications: NotificationService,
    private readonly reads: TradeReadService,
    private readonly planner: TradePlanner,
  ) {}

  async settle(trade: ShiftTradeEntity, s: Settlement): Promise<TradeResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const week = await this.checks.currentWeek(trade.rosterId);
      const plan = week
        ? await this.planner.plan(trade, week.roster, s.isNew)
        : 'the week’s roster was replaced';
      if (typeof plan === 'string') return this.stale(trade, s, plan);
      const check = this.checks.judge(week!, plan.change);
      try {
        if (check.verdict.decision === 'REFUSE') return await this.refuse(trade, s, check);
        // A manager's approval covers what the auto-approval policy alone would not.
        if (check.verdict.decision === 'NEEDS_APPROVAL' && !s.manager)
          return await this.awaitApproval(trade, s, check, plan);
        return await this.approve(trade, s, check, plan);
      } catch (error) {
        if (!(error instanceof RosterChangedMeanwhile)) throw error;
      }
    }
    throw new ConflictError(
      `The roster kept changing while trade ${trade.id} was checked; try again`,
      {
        field: 'tradeId',
        value: trade.id,
      },
    );
  }

  private async stale(trade: ShiftTradeEntity, s: Settlement, why: string): Promise<TradeResult> {
    const reasons = [{ rule: 'ROSTER_CHANGED', message: why }];
    if (!s.isNew) await this.close(trade, s, reasons, `Rejected: ${why}`);
    return this.result(TradeOutcome.REFUSED, `Refused: ${why}`, s.isNew ? null : trade, null, s);
  }

  private async refuse(
    trade: ShiftTradeEntity,
    s: Settlement,
    check: TradeCheck,
  ): Promise<TradeResult> {
    const reasons = reasonsOf(check.verdict);
    const rules = [...new Set(check.verdict.newViolations.map((v) => v.rule))].join(', ');
    if (s.refusalClosesTrade)
      await this.close(
        trade,
        s,
        reasons,
        `Re-checked against roster version ${check.week.stored.rowVersion}: breaks ${rules}`,
      );
    return this.result(
      TradeOutcome.REFUSED,
      `Refused: the roster after this trade would break ${rules}`,
      s.refusalClosesTrade ? trade : null,
      check,
      s,
    );
  }

  /** Ends the trade as REJECTED by the service, with why; a held open shift is released. */
  private async close(
    trade: ShiftTradeEntity,
    s: Settlement,
    reasons: StoredTradeReason[],
    comment: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.transition(
        manager,
        trade,
        [s.from],
        { status: TradeStatus.REJECTED, awaitingApproval: false, reasons },
        [{ status: TradeStatus.REJECTED, actor: SYSTEM_ACTOR, comment }],
      );
      await this.ledger.releaseOpenShift(manager, trade);
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_REJECTED,
        `A shift trade was refused: ${comment}`,
      );
    });
  }

  private async awaitApproval(
    trade: ShiftTradeEntity,
    s: Settlement,
    check: TradeCheck,
    plan: Plan,
  ): Promise<TradeResult> {
    const reasons = reasonsOf(check.verdict);
    await this.dataSource.transaction(async (manager) => {
      if (plan.openShift)
        await this.holdOpenShift(manager, plan.openShift, trade, OpenShiftStatus.CLAIMED);
      await this.save(
        manager,
        trade,
        s,
        {
          status: TradeStatus.ACCEPTED,
          awaitingApproval: true,
          reasons,
          checkedRosterVersion: check.week.stored.rowVersion,
        },
        this.acceptance(s),
      );
      await this.notifications.notify(manager, [
        {
          role: Role.MANAGER,
          kind: NotificationKind.TRADE_NEEDS_YOU,
          message: `A shift trade needs your approval: ${reasons.map((r) => r.message).join('; ')}`,
          payload: { tradeId: trade.id },
        },
      ]);
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_NEEDS_YOU,
        'A shift trade was accepted and waits for a manager',
        s.taker.employeeId,
      );
    });
    return this.result(
      TradeOutcome.AWAITING_APPROVAL,
      `Waiting for a manager: ${reasons.map((r) => r.message).join('; ')}`,
      trade,
      check,
      s,
    );
  }

  private async approve(
    trade: ShiftTradeEntity,
    s: Settlement,
    check: TradeCheck,
    plan: Plan,
  ): Promise<TradeResult> {
    const approver = s.manager?.actor ?? SYSTEM_ACTOR;
    const comment = s.manager
      ? s.manager.comment
      : 'automatically: within the auto-approval policy';
    await this.dataSource.transaction(async (manager) => {
      if (plan.openShift)
        await this.holdOpenShift(manager, plan.openShift, trade, OpenShiftStatus.FILLED);
      await this.save(
        manager,
        trade,
        s,
        {
          status: TradeStatus.APPROVED,
          awaitingApproval: false,
          reasons: [],
          checkedRosterVersion: check.week.stored.rowVersion,
        },
        [...this.acceptance(s), { status: TradeStatus.APPROVED, actor: approver, comment }],
      );
      await this.writer.write(manager, check.week.stored, check.after, plan.shiftChanges, {
        kind: `TRADE_${trade.kind}`,
        detail: { tradeId: trade.id },
        by: approver === SYSTEM_ACTOR ? s.taker.subject : approver.subject,
      });
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_APPROVED,
        'A shift trade was approved: your shifts changed',
      );
    });
    const rechecked =
      s.manager &&
      trade.checkedRosterVersion !== null &&
      trade.checkedRosterVersion !== check.week.stored.rowVersion
        ? ` (re-checked: the roster changed since version ${trade.checkedRosterVersion})`
        : '';
    return this.result(TradeOutcome.APPROVED, `Approved and applied${rechecked}`, trade, check, s);
  }

  private acceptance(s: Settlement): TradeStep[] {
    return s.from === TradeStatus.REQUESTED
      ? [{ status: TradeStatus.ACCEPTED, actor: s.taker, comment: s.takerComment ?? null }]
      : [];
  }

  private async save(
    manager: EntityManager,
    trade: ShiftTradeEntity,
    s: Settlement,
    patch: Pick<
      ShiftTradeEntity,
      'status' | 'awaitingApproval' | 'reasons' | 'checkedRosterVersion'
    >,
    steps: TradeStep[],
  ): Promise<void> {
    if (s.isNew) await this.ledger.insert(manager, { ...trade, ...patch }, steps);
    else
      await this.ledger.transition(
        manager,
        trade,
        [s.from],
        { ...patch, counterpartId: trade.counterpartId },
        steps,
      );
  }

  /** Exactly one pickup gets an open shift: the guarded update lets one through, others CONFLICT. */
  private async holdOpenShift(
    manager: EntityManager,
    open: OpenShiftEntity,
    trade: ShiftTradeEntity,
    status: OpenShiftStatus.CLAIMED | OpenShiftStatus.FILLED,
  ): Promise<void> {
    const held = await manager
      .createQueryBuilder()
      .update(OpenShiftEntity)
      .set({ status, tradeId: trade.id })
      .where('id = :id', { id: open.id })
      .andWhere(`(status = 'OPEN' OR (status = 'CLAIMED' AND trade_id = :trade))`, {
        trade: trade.id,
      })
      .execute();
    if (!held.affected)
      throw new ConflictError(`Open shift ${open.id} was already taken`, {
        field: 'openShiftId',
        value: open.id,
      });
  }

  private async result(
    outcome: TradeOutcome,
    message: string,
    trade: ShiftTradeEntity | null,
    check: TradeCheck | null,
    s: Settlement,
  ): Promise<TradeResult> {
    return tradeResult(
      outcome,
      message,
      trade ? await this.reads.view(trade.id, s.viewer) : null,
      check?.verdict ?? null,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { ConflictError } from '../core/errors.js';
import { NotificationKind } from '../notifications/notification.entity.js';
import { OPEN_TRADE_STATUSES, TradeStatus } from './entities/shift-trade.entity.js';
import type { CancelTradeInput, DecideTradeInput } from './graphql/trade.input.js';
import { TradeOutcome, type ShiftTrade, type TradeResult } from './graphql/trade.model.js';
import { forbidden, TradeGuards } from './trade-guards.service.js';
import { actorOf, TradeLedger } from './trade-ledger.service.js';
import { TradeReadService } from './trade-read.service.js';
import { tradeResult } from './trade-result.js';
import { TradeSettlement } from './trade-settlement.service.js';

/** Ending a trade by decision: the requester withdraws it, or a manager approves or rejects it. */
@Injectable()
export class TradeDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guards: TradeGuards,
    private readonly ledger: TradeLedger,
    private readonly settlement: TradeSettlement,
    private readonly reads: TradeReadService,
  ) {}

  /** The requester withdraws a trade not yet applied. */
  async cancel(input: CancelTradeInput, principal: Principal): Promise<ShiftTrade> {
    const trade = await this.guards.openTrade(input.tradeId, 'input.tradeId');
    if (trade.requesterId !== principal.employeeId)
      throw forbidden(trade.id, 'only the employee who asked can cancel it');
    this.guards.assertStatus(trade, OPEN_TRADE_STATUSES, 'input.tradeId');
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.transition(
        manager,
        trade,
        [trade.status],
        { status: TradeStatus.CANCELLED, awaitingApproval: false },
        [
          {
            status: TradeStatus.CANCELLED,
            actor: actorOf(principal),
            comment: input.comment ?? null,
          },
        ],
      );
      await this.ledger.releaseOpenShift(manager, trade);
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_REJECTED,
        'A shift trade with you was cancelled',
        trade.requesterId,
      );
    });
    return this.reads.view(trade.id, principal);
  }

  /** A manager approves (re-checked against the roster as it is now) or rejects with a comment. */
  async decide(input: DecideTradeInput, principal: Principal): Promise<TradeResult> {
    const trade = await this.guards.openTrade(input.tradeId, 'input.tradeId');
    if (trade.status !== TradeStatus.ACCEPTED || !trade.awaitingApproval)
      throw new ConflictError(
        `Trade ${trade.id} is not waiting for a manager (it is ${trade.status.toLowerCase()})`,
        {
          field: 'input.tradeId',
          value: trade.id,
        },
      );
    const actor = actorOf(principal);
    if (input.approve)
      return this.settlement.settle(trade, {
        isNew: false,
        from: TradeStatus.ACCEPTED,
        taker: actor,
        manager: { actor, comment: input.comment ?? null },
        refusalClosesTrade: true,
        viewer: principal,
      });
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.transition(
        manager,
        trade,
        [TradeStatus.ACCEPTED],
        { status: TradeStatus.REJECTED, awaitingApproval: false },
        [{ status: TradeStatus.REJECTED, actor, comment: input.comment ?? null }],
      );
      await this.ledger.releaseOpenShift(manager, trade);
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_REJECTED,
        `A manager rejected the shift trade${input.comment ? `: ${input.comment}` : ''}`,
      );
    });
    return tradeResult(
      TradeOutcome.REJECTED,
      'Rejected',
      await this.reads.view(trade.id, principal),
      null,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { NotificationKind } from '../notifications/notification.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { OpenShiftEntity, OpenShiftStatus } from './entities/open-shift.entity.js';
import { ShiftTradeEntity, TradeKind, TradeStatus } from './entities/shift-trade.entity.js';
import type {
  OfferShiftInput,
  RequestShiftSwapInput,
  RespondToTradeInput,
} from './graphql/trade.input.js';
import { TradeOutcome, type TradeResult } from './graphql/trade.model.js';
import { TradeCheckService } from './trade-check.service.js';
import { actorOf, TradeLedger } from './trade-ledger.service.js';
import { TradeReadService } from './trade-read.service.js';
import { reasonsOf, tradeResult } from './trade-result.js';
import { TradeSettlement } from './trade-settlement.service.js';
import { forbidden, TradeGuards } from './trade-guards.service.js';

/**
 * The trade flows of technicians and pharmacists: swap, give-away, offer, claim and pickup (see
 * TradeDecisionService for cancelling and managers' decisions). Each check runs with no transaction open; writes are short and
 * guarded (see TradeSettlement).
 */
@Injectable()
export class ShiftTradeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: TradeCheckService,
    private readonly ledger: TradeLedger,
    private readonly settlement: TradeSettlement,
    private readonly reads: TradeReadService,
    private readonly notifications: NotificationService,
    private readonly guards: TradeGuards,
  ) {}

  async requestSwap(input: RequestShiftSwapInput, principal: Principal): Promise<TradeResult> {
    await this.guards.lapseDue();
    const me = await this.guards.employee(principal);
    const mine = await this.guards.ownShift(me, input.shiftId, 'input.shiftId');
    const theirs = await this.guards.publishedShift(
      input.counterpartShiftId,
      'input.counterpartShiftId',
    );
    if (theirs.employeeId === me.id)
      throw ValidationFailedError.forField(
        'input.counterpartShiftId',
        theirs.id,
        'is your own shift',
      );
    if (theirs.rosterId !== mine.rosterId)
      throw ValidationFailedError.forField(
        'input.counterpartShiftId',
        theirs.id,
        'is in another week’s roster: swap shifts of the same week',
      );
    await this.guards.colleague(me, theirs.employeeId, 'input.counterpartShiftId');
    await this.guards.assertNoOpenTrade(theirs.id, 'input.counterpartShiftId');
    return this.propose(
      this.newTrade(TradeKind.SWAP, me, mine, input.note, {
        counterpartId: theirs.employeeId,
        counterpartShiftId: theirs.id,
        expiresAt: new Date(Math.min(mine.start.getTime(), theirs.start.getTime())),
      }),
      principal,
    );
  }

  async offer(input: OfferShiftInput, principal: Principal): Promise<TradeResult> {
    await this.guards.lapseDue();
    const me = await this.guards.employee(principal);
    const mine = await this.guards.ownShift(me, input.shiftId, 'input.shiftId');
    if (input.toEmployeeId === me.id)
      throw ValidationFailedError.forField('input.toEmployeeId', me.id, 'is you');
    if (input.toEmployeeId)
      await this.guards.colleague(me, input.toEmployeeId, 'input.toEmployeeId');
    const kind = input.toEmployeeId ? TradeKind.GIVE_AWAY : TradeKind.OFFER;
    return this.propose(
      this.newTrade(kind, me, mine, input.note, {
        counterpartId: input.toEmployeeId ?? null,
        expiresAt: mine.start,
      }),
      principal,
    );
  }

  /** The named colleague accepts (then the trade is settled) or declines. */
  async respond(input: RespondToTradeInput, principal: Principal): Promise<TradeResult> {
    const me = await this.guards.employee(principal);
    const trade = await this.guards.openTrade(input.tradeId, 'input.tradeId');
    if (trade.counterpartId !== me.id || trade.kind === TradeKind.OFFER)
      throw forbidden(trade.id, 'only the colleague it names can answer it');
    this.guards.assertStatus(trade, [TradeStatus.REQUESTED], 'input.tradeId');
    if (input.accept)
      return this.settlement.settle(trade, {
        isNew: false,
        from: TradeStatus.REQUESTED,
        taker: actorOf(principal),
        takerComment: input.comment ?? null,
        refusalClosesTrade: true,
        viewer: principal,
      });
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.transition(
        manager,
        trade,
        [TradeStatus.REQUESTED],
        { status: TradeStatus.REJECTED },
        [
          {
            status: TradeStatus.REJECTED,
            actor: actorOf(principal),
            comment: input.comment ?? null,
          },
        ],
      );
      await this.ledger.tell(
        manager,
        trade,
        NotificationKind.TRADE_REJECTED,
        'Your colleague declined the shift trade',
        trade.counterpartId,
      );
    });
    return tradeResult(
      TradeOutcome.REJECTED,
      'Declined',
      await this.reads.view(trade.id, principal),
      null,
    );
  }

  /** Anyone eligible takes an open offer; the first to be applied wins, the others get CONFLICT. */
  async claimOffer(tradeId: string, principal: Principal): Promise<TradeResult> {
    const me = await this.guards.employee(principal);
    const trade = await this.guards.openTrade(tradeId, 'tradeId');
    if (trade.kind !== TradeKind.OFFER)
      throw ValidationFailedError.forField('tradeId', tradeId, 'is not an open offer');
    if (trade.requesterId === me.id)
      throw ValidationFailedError.forField('tradeId', tradeId, 'is your own offer');
    this.guards.assertStatus(trade, [TradeStatus.REQUESTED], 'tradeId');
    await this.guards.colleague(me, trade.requesterId, 'tradeId');
    return this.settlement.settle(
      { ...trade, counterpartId: me.id },
      {
        isNew: false,
        from: TradeStatus.REQUESTED,
        taker: actorOf(principal),
        refusalClosesTrade: false,
        viewer: principal,
      },
    );
  }

  async pickUp(openShiftId: string, principal: Principal): Promise<TradeResult> {
    await this.guards.lapseDue();
    const me = await this.guards.employee(principal);
    const open = await this.dataSource
      .getRepository(OpenShiftEntity)
      .findOneBy({ id: openShiftId });
    if (!open) throw new NotFoundError('OpenShift', openShiftId, 'openShiftId');
    if (open.status !== OpenShiftStatus.OPEN)
      throw new ConflictError(`Open shift ${openShiftId} is ${open.status.toLowerCase()}`, {
        field: 'openShiftId',
        value: openShiftId,
      });
    if (open.role !== me.role)
      throw ValidationFailedError.forField(
        'openShiftId',
        openShiftId,
        `is a ${open.role.toLowerCase()}’s shift`,
      );
    this.guards.assertNotStarted(open.start, 'openShiftId');
    const trade = this.dataSource.getRepository(ShiftTradeEntity).create({
      id: randomUUID(),
      kind: TradeKind.PICKUP,
      rosterId: open.rosterId,
      requesterId: me.id,
      shiftId: null,
      counterpartId: null,
      counterpartShiftId: null,
      openShiftId,
      note: null,
      expiresAt: open.start,
      reasons: [],
    });
    return this.settlement.settle(trade, {
      isNew: true,
      from: TradeStatus.REQUESTED,
      taker: actorOf(principal),
      refusalClosesTrade: false,
      viewer: principal,
    });
  }

  /** Checks a new swap or give-away now, and stores it (REQUESTED) unless it breaks a hard rule. */
  private async propose(trade: ShiftTradeEntity, principal: Principal): Promise<TradeResult> {
    await this.guards.assertNoOpenTrade(trade.shiftId!, 'input.shiftId');
    const check =
      trade.counterpartId === null
        ? null
        : this.checks.judge(await this.checks.publishedWeek(trade.rosterId, 'input.shiftId'), {
            kind: 'HAND_OVER',
            handOvers: [
              { shiftId: trade.shiftId!, toEmployeeId: trade.counterpartId },
              ...(trade.counterpartShiftId
                ? [{ shiftId: trade.counterpartShiftId, toEmployeeId: trade.requesterId }]
                : []),
            ],
          });
    if (check?.verdict.decision === 'REFUSE')
      return tradeResult(
        TradeOutcome.REFUSED,
        `Refused: the roster after this trade would break ${[...new Set(check.verdict.newViolations.map((v) => v.rule))].join(', ')}`,
        null,
        check.verdict,
      );
    const stored: ShiftTradeEntity = {
      ...trade,
      status: TradeStatus.REQUESTED,
      reasons: check ? reasonsOf(check.verdict) : [],
      checkedRosterVersion: check?.week.stored.rowVersion ?? null,
    };
    await this.dataSource
      .transaction(async (manager) => {
        await this.ledger.insert(manager, stored, [
          { status: TradeStatus.REQUESTED, actor: actorOf(principal), comment: trade.note },
        ]);
        if (trade.counterpartId)
          await this.notifications.notify(manager, [
            {
              employeeId: trade.counterpartId,
              kind: NotificationKind.TRADE_NEEDS_YOU,
              message:
                trade.kind === TradeKind.SWAP
                  ? 'A colleague asks to swap shifts with you'
                  : 'A colleague offers you a shift',
              payload: { tradeId: trade.id },
            },
          ]);
      })
      .catch((error: unknown) => {
        if (
          error instanceof QueryFailedError &&
          (error.driverError as { code?: string }).code === '23505'
        )
          throw new ConflictError(`Shift ${trade.shiftId} already has an open trade`, {
            field: 'input.shiftId',
            value: trade.shiftId,
          });
        throw error;
      });
    const message =
      check?.verdict.decision === 'NEEDS_APPROVAL'
        ? 'Requested; once accepted, a manager must approve it'
        : trade.counterpartId
          ? 'Requested; waiting for your colleague'
          : 'Offered to every eligible colleague';
    return tradeResult(
      TradeOutcome.REQUESTED,
      message,
      await this.reads.view(trade.id, principal),
      check?.verdict ?? null,
    );
  }

  private newTrade(
    kind: TradeKind,
    me: EmployeeEntity,
    shift: RosterShiftEntity,
    note: string | null | undefined,
    rest: Partial<ShiftTradeEntity> & { expiresAt: Date },
  ): ShiftTradeEntity {
    return this.dataSource.getRepository(ShiftTradeEntity).create({
      id: randomUUID(),
      kind,
      rosterId: shift.rosterId,
      requesterId: me.id,
      shiftId: shift.id,
      counterpartId: null,
      counterpartShiftId: null,
      openShiftId: null,
      note: note ?? null,
      reasons: [],
      awaitingApproval: false,
      ...rest,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ownEmployeeId } from '../auth/ownership.js';
import type { Principal } from '../auth/role.js';
import {
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
  ValidationFailedError,
} from '../core/errors.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { RosterEntity, RosterStatus } from '../rostering/entities/roster.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { TRADING_CLOCK, type Clock } from './clock.js';
import {
  OPEN_TRADE_STATUSES,
  ShiftTradeEntity,
  TradeStatus,
} from './entities/shift-trade.entity.js';
import { TradeLedger } from './trade-ledger.service.js';
import { TradeReadService } from './trade-read.service.js';
import { tradeStateConflict } from './trade.mapping.js';

/** The preconditions every trade action checks, each failing with a precise, stable error. */
@Injectable()
export class TradeGuards {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: TradeLedger,
    private readonly reads: TradeReadService,
    @Inject(TRADING_CLOCK) private readonly clock: Clock,
  ) {}

  async employee(principal: Principal): Promise<EmployeeEntity> {
    const id = ownEmployeeId(principal);
    const me = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id });
    if (!me) throw new NotFoundError('Employee', id, 'employeeId');
    return me;
  }

  /** Trades are between colleagues of the same role: a technician's shift goes to a technician. */
  async colleague(me: EmployeeEntity, id: string, field: string): Promise<EmployeeEntity> {
    const other = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id });
    if (!other) throw new NotFoundError('Employee', id, field);
    if (other.role !== me.role)
      throw ValidationFailedError.forField(
        field,
        id,
        `is a ${other.role.toLowerCase()}; you are a ${me.role.toLowerCase()}`,
      );
    return other;
  }

  async publishedShift(shiftId: string, field: string): Promise<RosterShiftEntity> {
    const shift = await this.dataSource.getRepository(RosterShiftEntity).findOneBy({ id: shiftId });
    if (!shift) throw new NotFoundError('Shift', shiftId, field);
    const roster = await this.dataSource
      .getRepository(RosterEntity)
      .findOne({ select: { id: true, status: true }, where: { id: shift.rosterId } });
    if (roster?.status !== RosterStatus.PUBLISHED)
      throw new ConflictError(`Shift ${shiftId} is not in a published roster`, {
        field,
        value: shiftId,
      });
    this.assertNotStarted(shift.start, field);
    return shift;
  }

  async ownShift(me: EmployeeEntity, shiftId: string, field: string): Promise<RosterShiftEntity> {
    const shift = await this.publishedShift(shiftId, field);
    if (shift.employeeId !== me.id)
      throw new DomainError(ErrorCode.FORBIDDEN, `Shift ${shiftId} is not yours (${field})`, {
        field,
        value: shiftId,
      });
    await this.assertNoOpenTrade(shift.id, field);
    return shift;
  }

  assertNotStarted(start: Date, field: string): void {
    if (start.getTime() <= this.clock.now().getTime())
      throw ValidationFailedError.forField(
        field,
        start.toISOString(),
        'the shift has already started',
      );
  }

  async assertNoOpenTrade(shiftId: string, field: string): Promise<void> {
    const open = await this.dataSource.getRepository(ShiftTradeEntity).exists({
      where: [
        { shiftId, status: In([...OPEN_TRADE_STATUSES]) },
        { counterpartShiftId: shiftId, status: In([...OPEN_TRADE_STATUSES]) },
      ],
    });
    if (open)
      throw new ConflictError(`Shift ${shiftId} already has an open trade; cancel it first`, {
        field,
        value: shiftId,
      });
  }

  /** Open trades whose shift has started, or whose roster was replaced, lapse first. */
  async lapseDue(): Promise<void> {
    await this.ledger.expireDue(this.clock.now());
  }

  /** The trade an action names, as it is after lapsing what is due. */
  openTrade(id: string, field: string): Promise<ShiftTradeEntity> {
    return this.reads.current(id, field);
  }

  assertStatus(trade: ShiftTradeEntity, allowed: readonly TradeStatus[], field: string): void {
    if (!allowed.includes(trade.status)) throw tradeStateConflict(trade, trade, field);
  }
}

export function forbidden(tradeId: string, why: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, `Trade ${tradeId}: ${why}`, {
    field: 'tradeId',
    value: tradeId,
  });
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError } from '../core/errors.js';
import type { Roster as CoreRoster } from '../core/model/roster.js';
import type { TradeChange } from '../core/trading/index.js';
import { OpenShiftEntity, OpenShiftStatus } from './entities/open-shift.entity.js';
import { ShiftTradeEntity, TradeKind } from './entities/shift-trade.entity.js';
import type { ShiftChanges } from './published-roster.writer.js';

/** A trade as changes: to the core roster (for the checker) and to the stored shifts. */
export interface Plan {
  readonly change: TradeChange;
  readonly shiftChanges: ShiftChanges;
  readonly openShift: OpenShiftEntity | null;
}

/** Turns a stored trade into its change of the roster as it is now, or says why it no longer applies. */
@Injectable()
export class TradePlanner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What the trade changes, or why it no longer can (its shifts changed hands, say). */
  async plan(trade: ShiftTradeEntity, roster: CoreRoster, isNew: boolean): Promise<Plan | string> {
    const owner = (shiftId: string | null) =>
      roster.shifts.find((x) => x.id === shiftId)?.employeeId;
    switch (trade.kind) {
      case TradeKind.SWAP:
        if (
          owner(trade.shiftId) !== trade.requesterId ||
          owner(trade.counterpartShiftId) !== trade.counterpartId
        )
          return 'one of the shifts has changed hands since the request';
        return handOver([
          { shiftId: trade.shiftId!, employeeId: trade.counterpartId },
          { shiftId: trade.counterpartShiftId!, employeeId: trade.requesterId },
        ]);
      case TradeKind.GIVE_AWAY:
      case TradeKind.OFFER:
        if (owner(trade.shiftId) !== trade.requesterId)
          return 'the shift has changed hands since it was offered';
        return handOver([{ shiftId: trade.shiftId!, employeeId: trade.counterpartId! }]);
      case TradeKind.PICKUP:
        return this.pickupPlan(trade, isNew);
    }
  }

  private async pickupPlan(trade: ShiftTradeEntity, isNew: boolean): Promise<Plan | string> {
    const open = await this.dataSource
      .getRepository(OpenShiftEntity)
      .findOneBy({ id: trade.openShiftId! });
    const available =
      open?.status === OpenShiftStatus.OPEN ||
      (open?.status === OpenShiftStatus.CLAIMED && open.tradeId === trade.id);
    if (!open || !available) {
      if (isNew)
        throw new ConflictError(`Open shift ${trade.openShiftId} was already taken`, {
          field: 'openShiftId',
          value: trade.openShiftId,
        });
      return 'the open shift is no longer open';
    }
    const change = filling(open, trade.requesterId, randomUUID());
    return { change, shiftChanges: { added: [change.shift] }, openShift: open };
  }
}

/** Taking an open shift as a change of the roster: a new shift `shiftId` for the taker, with its work. */
export function filling(
  open: OpenShiftEntity,
  takerId: string,
  shiftId: string,
): Extract<TradeChange, { kind: 'FILL_OPEN_SHIFT' }> {
  return {
    kind: 'FILL_OPEN_SHIFT',
    shift: {
      id: shiftId,
      employeeId: takerId,
      start: open.start.getTime(),
      end: open.end.getTime(),
      templateId: open.templateId,
    },
    work: open.work.map(([intervalIndex, queueId, state]) => ({ intervalIndex, queueId, state })),
  };
}

function handOver(moves: { shiftId: string; employeeId: string }[]): Plan {
  return {
    change: {
      kind: 'HAND_OVER',
      handOvers: moves.map((m) => ({ shiftId: m.shiftId, toEmployeeId: m.employeeId })),
    },
    shiftChanges: { handedOver: moves },
    openShift: null,
  };
}

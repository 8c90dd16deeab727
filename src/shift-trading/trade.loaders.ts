import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../auth/role.js';
import { OPEN_TRADE_STATUSES, ShiftTradeEntity } from './entities/shift-trade.entity.js';
import type { ShiftTrade } from './graphql/trade.model.js';
import { TradeReadService } from './trade-read.service.js';

/** Per-request batching: the open trades of every shift in a myShifts answer, in one query. */
@Injectable()
export class TradeLoaders {
  private readonly perRequest = new WeakMap<object, DataLoader<string, ShiftTrade[]>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: TradeReadService,
  ) {}

  pendingByShift(request: object, viewer: Principal): DataLoader<string, ShiftTrade[]> {
    let loader = this.perRequest.get(request);
    if (!loader) {
      loader = new DataLoader((shiftIds) => this.pending(shiftIds, viewer));
      this.perRequest.set(request, loader);
    }
    return loader;
  }

  private async pending(shiftIds: readonly string[], viewer: Principal): Promise<ShiftTrade[][]> {
    const open = In([...OPEN_TRADE_STATUSES]);
    const trades = await this.dataSource.getRepository(ShiftTradeEntity).find({
      where: [
        { shiftId: In([...shiftIds]), status: open },
        { counterpartShiftId: In([...shiftIds]), status: open },
      ],
      order: { createdAt: 'ASC' },
    });
    const views = new Map((await this.reads.views(trades, viewer)).map((v) => [v.id, v]));
    return shiftIds.map((id) =>
      trades
        .filter((t) => t.shiftId === id || t.counterpartShiftId === id)
        .map((t) => views.get(t.id)!),
    );
  }
}

import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RosteringModule } from '../rostering/rostering.module.js';
import { systemClock } from '../self-service/clock.js';
import { WorkforceModule } from '../workforce/workforce.module.js';
import { TRADING_CLOCK } from './clock.js';
import { OpenShiftResolver } from './open-shift.resolver.js';
import { OpenShiftService } from './open-shift.service.js';
import { PublishedRosterWriter } from './published-roster.writer.js';
import { MyShiftTradesResolver, ShiftTradeResolver } from './shift-trade.resolver.js';
import { ShiftTradeService } from './shift-trade.service.js';
import { TradeDecisionService } from './trade-decision.service.js';
import { TradeGuards } from './trade-guards.service.js';
import { TradeCheckService } from './trade-check.service.js';
import { TradeLedger } from './trade-ledger.service.js';
import { TradeLoaders } from './trade.loaders.js';
import { TradeReadService } from './trade-read.service.js';
import { TradeSettlement } from './trade-settlement.service.js';
import { TradePlanner } from './trade-planner.js';
import { TimeOffDecisionService } from './time-off-decision.service.js';
import { TradeExpirySweeper } from './trade-expiry.sweeper.js';

/** Shift trades, open shifts and the consequences of approved time off on published rosters. */
@Module({
  imports: [RosteringModule, WorkforceModule, NotificationsModule],
  providers: [
    TradeCheckService,
    PublishedRosterWriter,
    TradeLedger,
    TradeReadService,
    TradeSettlement,
    TradePlanner,
    ShiftTradeService,
    TradeGuards,
    TradeDecisionService,
    OpenShiftService,
    TimeOffDecisionService,
    TradeLoaders,
    TradeExpirySweeper,
    ShiftTradeResolver,
    MyShiftTradesResolver,
    OpenShiftResolver,
    { provide: TRADING_CLOCK, useValue: systemClock },
  ],
})
export class ShiftTradingModule {}

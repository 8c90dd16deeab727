import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../auth/access.decorators.js';
import { ownEmployeeId } from '../auth/ownership.js';
import { Role, type Principal } from '../auth/role.js';
import { IdArg } from '../common/graphql/id-arg.js';
import type { GraphQLRequestContext } from '../common/graphql/graphql.module.js';
import { InstantScalar } from '../common/graphql/scalars.js';
import { MyShift } from '../self-service/graphql/my-shift.model.js';
import { TradeStatus } from './entities/shift-trade.entity.js';
import {
  CancelTradeInput,
  DecideTradeInput,
  OfferShiftInput,
  RequestShiftSwapInput,
  RespondToTradeInput,
} from './graphql/trade.input.js';
import { ShiftOpportunity, ShiftTrade, TradeResult } from './graphql/trade.model.js';
import { OpenShiftService } from './open-shift.service.js';
import { ShiftTradeService } from './shift-trade.service.js';
import { TradeDecisionService } from './trade-decision.service.js';
import { TradeLoaders } from './trade.loaders.js';
import { TradeReadService } from './trade-read.service.js';

const STAFF = [Role.TECHNICIAN, Role.PHARMACIST] as const;
const MANAGERS = [Role.MANAGER, Role.ADMIN] as const;

/** Shift trades: employees propose and take them; managers decide the exceptions. */
@Resolver()
export class ShiftTradeResolver {
  constructor(
    private readonly trades: ShiftTradeService,
    private readonly decisions: TradeDecisionService,
    private readonly reads: TradeReadService,
    private readonly openShifts: OpenShiftService,
  ) {}

  @Query(() => [ShiftTrade], {
    description: 'The signed-in employee’s trades (as requester or colleague), newest first.',
  })
  @Allow(...STAFF)
  myShiftTrades(
    @CurrentPrincipal() principal: Principal,
    @Args('includeClosed', { defaultValue: false }) includeClosed: boolean,
  ): Promise<ShiftTrade[]> {
    return this.reads.mine(principal, ownEmployeeId(principal), includeClosed);
  }

  @Query(() => ShiftTrade, {
    description: 'One trade, with its history: its parties and managers.',
  })
  @Allow(...STAFF, ...MANAGERS)
  async shiftTrade(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShiftTrade> {
    const trade = await this.reads.current(id);
    this.reads.assertCanSee(trade, principal);
    return (await this.reads.views([trade], principal))[0];
  }

  @Query(() => [ShiftTrade], {
    description: 'For managers: trades by status, e.g. those awaiting approval, newest first.',
  })
  @Allow(...MANAGERS)
  shiftTrades(
    @CurrentPrincipal() principal: Principal,
    @Args('status', { type: () => TradeStatus, nullable: true }) status: TradeStatus | null,
    @Args('awaitingApproval', { type: () => Boolean, nullable: true })
    awaitingApproval: boolean | null,
  ): Promise<ShiftTrade[]> {
    return this.reads.list(principal, status ?? null, awaitingApproval ?? null);
  }

  @Query(() => [ShiftOpportunity], {
    description:
      'Open shifts and colleagues’ offers in [from, to) that the signed-in employee may take (checked by the rule checker).',
  })
  @Allow(...STAFF)
  shiftOpportunities(
    @Args('from', { type: () => InstantScalar }) from: Date,
    @Args('to', { type: () => InstantScalar }) to: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShiftOpportunity[]> {
    return this.openShifts.opportunities(ownEmployeeId(principal), from, to, principal);
  }

  @Mutation(() => TradeResult, { description: 'Asks a colleague to swap your shift for theirs.' })
  @Allow(...STAFF)
  requestShiftSwap(
    @Args('input') input: RequestShiftSwapInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.trades.requestSwap(input, principal);
  }

  @Mutation(() => TradeResult, {
    description: 'Gives your shift to a named colleague, or offers it to anyone eligible.',
  })
  @Allow(...STAFF)
  offerShift(
    @Args('input') input: OfferShiftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.trades.offer(input, principal);
  }

  @Mutation(() => TradeResult, { description: 'The named colleague accepts or declines.' })
  @Allow(...STAFF)
  respondToShiftTrade(
    @Args('input') input: RespondToTradeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.trades.respond(input, principal);
  }

  @Mutation(() => TradeResult, { description: 'Takes a colleague’s open offer.' })
  @Allow(...STAFF)
  claimShiftOffer(
    @IdArg('tradeId') tradeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.trades.claimOffer(tradeId, principal);
  }

  @Mutation(() => TradeResult, {
    description: 'Picks up an open shift; when several try at once exactly one gets it.',
  })
  @Allow(...STAFF)
  pickUpOpenShift(
    @IdArg('openShiftId') openShiftId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.trades.pickUp(openShiftId, principal);
  }

  @Mutation(() => ShiftTrade, { description: 'Withdraws your trade before it is applied.' })
  @Allow(...STAFF)
  cancelShiftTrade(
    @Args('input') input: CancelTradeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShiftTrade> {
    return this.decisions.cancel(input, principal);
  }

  @Mutation(() => TradeResult, {
    description:
      'A manager approves (re-checked against the roster as it is now) or rejects a trade awaiting approval.',
  })
  @Allow(...MANAGERS)
  decideShiftTrade(
    @Args('input') input: DecideTradeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TradeResult> {
    return this.decisions.decide(input, principal);
  }
}

/** A shift in myShifts shows the trades still open on it. */
@Resolver(() => MyShift)
export class MyShiftTradesResolver {
  constructor(private readonly loaders: TradeLoaders) {}

  @ResolveField(() => [ShiftTrade], {
    description: 'Open trades (requested or awaiting approval) that involve this shift.',
  })
  pendingTrades(
    @Parent() shift: MyShift,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<ShiftTrade[]> {
    const principal = (ctx.req as { principal?: Principal }).principal;
    if (!principal) return Promise.resolve([]);
    return this.loaders.pendingByShift(ctx.req, principal).load(shift.id);
  }
}

import { IdArg } from '../common/graphql/id-arg.js';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../auth/access.decorators.js';
import { ownEmployeeId } from '../auth/ownership.js';
import { Role, type Principal } from '../auth/role.js';
import type { GraphQLRequestContext } from '../common/graphql/graphql.module.js';
import { InstantScalar } from '../common/graphql/scalars.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeed, CreatedCalendarFeed } from './graphql/calendar-feed.model.js';
import { MyShift } from './graphql/my-shift.model.js';
import { MyShiftsService } from './my-shifts.service.js';

/** This service's own origin as the caller reached it, for the feed URL. */
function baseUrl(context: GraphQLRequestContext): string {
  return `${context.req.protocol}://${context.req.get('host') ?? 'localhost'}`;
}

@Resolver()
export class SelfServiceResolver {
  constructor(
    private readonly shifts: MyShiftsService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Query(() => [MyShift], {
    description:
      'The signed-in employee’s shifts in the published roster of each week overlapping [from, to) (at most 62 days).',
  })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST)
  myShifts(
    @Args('from', { type: () => InstantScalar }) from: Date,
    @Args('to', { type: () => InstantScalar }) to: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MyShift[]> {
    return this.shifts.myShifts(ownEmployeeId(principal), from, to);
  }

  @Mutation(() => CreatedCalendarFeed, {
    description:
      'A new secret iCalendar feed URL of the signed-in employee’s published shifts (30 days back, 90 ahead).',
  })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST)
  createCalendarFeed(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphQLRequestContext,
  ): Promise<CreatedCalendarFeed> {
    return this.feeds.create(ownEmployeeId(principal), baseUrl(context));
  }

  @Mutation(() => CalendarFeed, {
    description: 'Revokes a calendar feed: its URL stops working. Own feeds; managers any.',
  })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST, Role.MANAGER, Role.ADMIN)
  revokeCalendarFeed(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarFeed> {
    return this.feeds.revoke(id, principal);
  }
}

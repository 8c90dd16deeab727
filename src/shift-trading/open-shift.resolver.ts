import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../auth/access.decorators.js';
import { Role, type Principal } from '../auth/role.js';
import { IdArg } from '../common/graphql/id-arg.js';
import { TimeOff } from '../workforce/graphql/availability.model.js';
import { DecideTimeOffInput } from '../workforce/graphql/availability.input.js';
import { PostOpenShiftInput } from './graphql/trade.input.js';
import { OpenShift } from './graphql/trade.model.js';
import { OpenShiftService } from './open-shift.service.js';
import { TimeOffDecisionService } from './time-off-decision.service.js';

/** Managers' side of open shifts and time off. */
@Resolver()
export class OpenShiftResolver {
  constructor(
    private readonly service: OpenShiftService,
    private readonly timeOff: TimeOffDecisionService,
  ) {}

  @Query(() => [OpenShift], { description: 'A roster’s open shifts, every status, by start.' })
  @Allow(Role.MANAGER, Role.ADMIN)
  openShifts(
    @IdArg('rosterId') rosterId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OpenShift[]> {
    return this.service.ofRoster(rosterId, principal);
  }

  @Mutation(() => OpenShift, {
    description: 'Offers a shift of a published roster for pickup, e.g. where demand is uncovered.',
  })
  @Allow(Role.MANAGER, Role.ADMIN)
  postOpenShift(
    @Args('input') input: PostOpenShiftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OpenShift> {
    return this.service.post(input, principal);
  }

  @Mutation(() => OpenShift, { description: 'Withdraws an open shift nobody has picked up.' })
  @Allow(Role.MANAGER, Role.ADMIN)
  cancelOpenShift(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OpenShift> {
    return this.service.cancel(id, principal);
  }

  @Mutation(() => TimeOff, {
    description:
      'Approves or rejects a pending time-off request. Approval opens the published shifts it hits for pickup and tells managers.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  decideTimeOff(
    @Args('input') input: DecideTimeOffInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimeOff> {
    return this.timeOff.decide(input, principal);
  }
}

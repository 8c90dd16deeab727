import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, RequiresScope } from '../auth/access.decorators.js';
import { assertOwnRecordOrRole } from '../auth/ownership.js';
import { Role, type Principal, ApiScope } from '../auth/role.js';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityWindow, TimeOff } from './graphql/availability.model.js';
import { RequestTimeOffInput, SetAvailabilityInput } from './graphql/availability.input.js';

@Resolver()
export class AvailabilityResolver {
  constructor(private readonly availability: AvailabilityService) {}

  @Mutation(() => [AvailabilityWindow], {
    description: 'Replaces an employee’s recurring availability. Staff may set only their own.',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM, Role.TECHNICIAN, Role.PHARMACIST)
  @RequiresScope(ApiScope.WRITE_EMPLOYEES)
  setAvailability(
    @Args('input') input: SetAvailabilityInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AvailabilityWindow[]> {
    assertOwnRecordOrRole(principal, input.employeeId);
    return this.availability.setAvailability(input);
  }

  @Mutation(() => TimeOff, {
    description: 'Requests time off (status REQUESTED). Staff may request only their own.',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.TECHNICIAN, Role.PHARMACIST)
  requestTimeOff(
    @Args('input') input: RequestTimeOffInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimeOff> {
    assertOwnRecordOrRole(principal, input.employeeId, [Role.ADMIN, Role.MANAGER]);
    return this.availability.requestTimeOff(input, principal.subject);
  }
}

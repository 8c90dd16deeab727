import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorators.js';
import { Role } from '../auth/role.js';
import { LocalDateScalar, TimeZoneScalar } from '../common/graphql/scalars.js';
import { parseUsState } from '../common/validators.js';
import { QueueStaffing, QueueStaffingInput } from './graphql/queue-staffing.model.js';
import { StaffingRequirements } from './graphql/staffing-requirements.model.js';
import { StaffingService } from './staffing.service.js';

@Resolver()
export class StaffingResolver {
  constructor(private readonly staffing: StaffingService) {}

  @Query(() => QueueStaffing, {
    description:
      'Erlang C/A calculator: sizes a voice queue interval, or evaluates a given number of agents.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  queueStaffing(@Args('input') input: QueueStaffingInput): QueueStaffing {
    return this.staffing.calculate(input);
  }

  @Query(() => StaffingRequirements, {
    description:
      'Required staff per interval of a week for one queue and state, from the stored forecast.',
  })
  @Allow(Role.ADMIN, Role.MANAGER)
  staffingRequirements(
    @Args('week', { type: () => LocalDateScalar, description: 'The Monday that starts the week.' })
    week: string,
    @Args('queueKey') queueKey: string,
    @Args('state') state: string,
    @Args('timeZone', {
      type: () => TimeZoneScalar,
      nullable: true,
      description: 'Default: PLANNING_TIME_ZONE.',
    })
    timeZone: string | null,
  ): Promise<StaffingRequirements> {
    return this.staffing.requirements(week, queueKey, parseUsState(state, 'state'), timeZone);
  }
}

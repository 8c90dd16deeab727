import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '../common/graphql/graphql.module.js';
import { actsForAnyEmployee } from '../auth/ownership.js';
import type { Principal } from '../auth/role.js';
import { AvailabilityWindow, TimeOff } from './graphql/availability.model.js';
import { Certification, Licence } from './graphql/credential.model.js';
import { Employee } from './graphql/employee.model.js';
import { WorkforceLoaders } from './workforce.loaders.js';
import {
  toAvailabilityWindow,
  toCertification,
  toLicence,
  toTimeOff,
} from './workforce.mappers.js';

/** Relations of an employee, each batched through a per-request DataLoader. */
@Resolver(() => Employee)
export class EmployeeFieldsResolver {
  constructor(private readonly loaders: WorkforceLoaders) {}

  @ResolveField(() => [Licence])
  async licences(
    @Parent() employee: Employee,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Licence[]> {
    return (await this.loaders.licences(ctx.req).load(employee.id)).map(toLicence);
  }

  @ResolveField(() => [Certification])
  async certifications(
    @Parent() employee: Employee,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Certification[]> {
    return (await this.loaders.certifications(ctx.req).load(employee.id)).map(toCertification);
  }

  @ResolveField(() => [AvailabilityWindow], {
    description: 'Recurring weekly windows in the employee’s local time.',
  })
  async availability(
    @Parent() employee: Employee,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<AvailabilityWindow[]> {
    return (await this.loaders.availability(ctx.req).load(employee.id)).map(toAvailabilityWindow);
  }

  @ResolveField(() => [TimeOff], {
    description:
      'Time off of every status. Visible to the employee and to administrators of staff.',
  })
  async timeOff(
    @Parent() employee: Employee,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<TimeOff[]> {
    const principal = (ctx.req as { principal?: Principal }).principal;
    if (!principal || (!actsForAnyEmployee(principal) && principal.employeeId !== employee.id))
      return [];
    return (await this.loaders.timeOff(ctx.req).load(employee.id)).map(toTimeOff);
  }
}

import { Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from './access.decorators.js';
import { ALL_ROLES, type Principal, Role } from './role.js';
import { Viewer } from './viewer.model.js';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who the bearer token says the caller is.' })
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  viewer(@CurrentPrincipal() principal: Principal): Viewer {
    return {
      subject: principal.subject,
      roles: [...principal.roles],
      ...(principal.employeeId && { employeeId: principal.employeeId }),
    };
  }
}

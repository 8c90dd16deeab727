import { IdArg } from '../common/graphql/id-arg.js';
import { Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, RequiresScope } from '../auth/access.decorators.js';
import { ALL_ROLES, type Principal, type Role, ApiScope } from '../auth/role.js';
import { Node } from '../common/graphql/node.model.js';
import { NodeService } from './node.service.js';

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly nodes: NodeService) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its id. Personal records are visible only to their owner and staff administrators.',
  })
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  @RequiresScope(ApiScope.READ_EMPLOYEES)
  node(@IdArg('id') id: string, @CurrentPrincipal() principal: Principal): Promise<Node | null> {
    return this.nodes.node(id, principal);
  }
}

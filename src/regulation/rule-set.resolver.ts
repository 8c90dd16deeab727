import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../auth/access.decorators.js';
import { ALL_ROLES, Role, type Principal } from '../auth/role.js';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { parseUsState } from '../common/validators.js';
import { JurisdictionRuleSet, PublishRuleSetInput } from './graphql/rule-set.model.js';
import { RuleSetService } from './rule-set.service.js';

@Resolver(() => JurisdictionRuleSet)
export class RuleSetResolver {
  constructor(private readonly ruleSets: RuleSetService) {}

  @Query(() => [JurisdictionRuleSet], {
    description: 'Every version of the rules, by state and effective date.',
  })
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  jurisdictionRuleSets(
    @Args('state', { type: () => String, nullable: true }) state: string | null | undefined,
  ): Promise<JurisdictionRuleSet[]> {
    return this.ruleSets.versions(state == null ? undefined : parseUsState(state, 'state'));
  }

  @Query(() => JurisdictionRuleSet, {
    nullable: true,
    description: 'The version of a state’s rules in force on a date, if any.',
  })
  @Allow(...(ALL_ROLES as [Role, ...Role[]]))
  ruleSetInForce(
    @Args('state') state: string,
    @Args('on', { type: () => LocalDateScalar }) on: string,
  ): Promise<JurisdictionRuleSet | null> {
    return this.ruleSets.inForce(parseUsState(state, 'state'), on);
  }

  @Mutation(() => JurisdictionRuleSet, {
    description: 'Publishes a new version of a state’s rules. Versions are never edited.',
  })
  @Allow(Role.ADMIN)
  publishRuleSet(
    @Args('input') input: PublishRuleSetInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JurisdictionRuleSet> {
    return this.ruleSets.publish(input, principal.subject);
  }
}

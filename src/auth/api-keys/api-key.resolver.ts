import { IdArg } from '../../common/graphql/id-arg.js';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../access.decorators.js';
import { Role, type Principal } from '../role.js';
import { ApiKey, CreateApiKeyInput, CreatedApiKey } from './api-key.model.js';
import { ApiKeyService } from './api-key.service.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKey], { description: 'HR system API keys (without their secrets).' })
  @Allow(Role.ADMIN)
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key for an HR system; the secret is returned once.',
  })
  @Allow(Role.ADMIN)
  createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKey> {
    return this.keys.create(input, principal.subject);
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key at once.' })
  @Allow(Role.ADMIN)
  revokeApiKey(@IdArg('id') id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}

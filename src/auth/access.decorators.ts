import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiScope, Principal, Role } from './role.js';

export const ACCESS_METADATA = 'access:policy';

export type AccessPolicy =
  { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Opens an operation to callers holding any of these roles. Operations without a decorator are refused. */
export const Allow = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessPolicy);

/** Opens an operation to everyone, without a token. Use sparingly: health and service information only. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessPolicy);

interface RequestWithPrincipal {
  principal?: Principal;
}

export function requestOf(
  context: ExecutionContext,
): (RequestWithPrincipal & { headers: Record<string, string | string[] | undefined> }) | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{
      req?: RequestWithPrincipal & { headers: Record<string, string | string[] | undefined> };
    }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The authenticated caller of the current operation (set by the AccessGuard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    requestOf(context)?.principal,
);

export const SCOPE_METADATA = 'access:scope';

/** The scope an API key needs for this operation. Keys without it are refused; tokens are not affected. */
export const RequiresScope = (scope: ApiScope) => SetMetadata(SCOPE_METADATA, scope);

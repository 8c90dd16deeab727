import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import type { Principal, Role } from '../../auth/role.js';
import { DomainError, ErrorCode } from '../../core/errors.js';

/**
 * Field-level access for personnel data (pay, licence numbers, contact details): the field resolves
 * only for callers holding one of these roles; anyone else gets FORBIDDEN on that field alone.
 */
export function restrictedTo(...roles: Role[]): FieldMiddleware {
  return async (ctx: MiddlewareContext, next: NextFn) => {
    const principal = (ctx.context as { req?: { principal?: Principal } }).req?.principal;
    if (!principal?.roles.some((role) => roles.includes(role))) {
      const field = `${ctx.info?.parentType.name ?? '?'}.${ctx.info?.fieldName ?? '?'}`;
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `${field} is personnel data readable only by ${roles.join(', ')}`,
        { field },
      );
    }
    return (await next()) as unknown;
  };
}

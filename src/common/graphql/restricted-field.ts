import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { noteSensitiveRead, type AuditableRequest } from '../../audit/audit-reads.plugin.js';
import type { Role } from '../../auth/role.js';
import { DomainError, ErrorCode } from '../../core/errors.js';

/** The record a personnel field belongs to: an employee, or the employee owning a licence or contract. */
function ownerOf(source: unknown): string | undefined {
  const s = source as { employeeId?: unknown; ownerId?: unknown; id?: unknown } | null;
  const id = s?.employeeId ?? s?.ownerId ?? s?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Field-level access for personnel data (pay, licence numbers, contact details): the field resolves
 * only for callers holding one of these roles, and each read is noted for the audit trail; anyone
 * else gets FORBIDDEN on that field alone.
 */
export function restrictedTo(...roles: Role[]): FieldMiddleware {
  return async (ctx: MiddlewareContext, next: NextFn) => {
    const req = (ctx.context as { req?: AuditableRequest }).req;
    const field = `${ctx.info?.parentType.name ?? '?'}.${ctx.info?.fieldName ?? '?'}`;
    if (!req?.principal?.roles.some((role) => roles.includes(role))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `${field} is personnel data readable only by ${roles.join(', ')}`,
        { field },
      );
    }
    noteSensitiveRead(req, { field, entityId: ownerOf(ctx.source) });
    return (await next()) as unknown;
  };
}

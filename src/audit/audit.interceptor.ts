import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { Principal } from '../auth/role.js';
import { errorCodeOf } from '../common/errors/graphql-errors.js';
import { AuditChanges } from './audit-changes.js';
import { AuditService } from './audit.service.js';
import { isUuid } from '../common/graphql/id-arg.js';

const MAX_IDS = 200;
const MAX_DETAIL_CHARS = 8000;

/** Every id-like value in a structure (arguments, results), up to a cap. */
export function idsIn(value: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (found.size >= MAX_IDS || depth > 6 || value === null || value === undefined) return found;
  if (typeof value === 'string') {
    if (isUuid(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, found, depth + 1);
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    for (const item of Object.values(value)) idsIn(item, found, depth + 1);
  }
  return found;
}

function clippedArguments(args: unknown): object {
  const text = JSON.stringify(args) ?? '{}';
  return text.length <= MAX_DETAIL_CHARS
    ? { arguments: args }
    : { arguments: `${text.slice(0, MAX_DETAIL_CHARS)}… (${text.length} characters)` };
}

/**
 * Records every GraphQL mutation in the audit trail, with its outcome and the personnel records it
 * changed (noted by the services in this mutation's AuditChanges log), before the answer leaves.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly audit: AuditService,
    private readonly auditChanges: AuditChanges,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ operation: { operation: string }; fieldName: string }>();
    if (info.operation.operation !== 'mutation') return next.handle();
    const req = gql.getContext<{ req?: { principal?: Principal; id?: string } }>().req;
    const args = gql.getArgs<unknown>();
    // next.handle() binds the handler to the current async context: call it inside the log's scope.
    const { result: handled, changes } = this.auditChanges.collect(() => next.handle());
    const record = (outcome: string, result?: unknown) =>
      this.audit.record({
        principal: req?.principal,
        requestId: typeof req?.id === 'string' ? req.id : null,
        kind: 'MUTATION',
        operation: info.fieldName,
        entityIds: [...changes.map((c) => c.entityId), ...idsIn(args), ...idsIn(result)],
        outcome,
        detail: clippedArguments(args),
        changes,
      });
    return (handled as Observable<unknown>).pipe(
      mergeMap((result: unknown) => from(record('OK', result).then((): unknown => result))),
      catchError((error: unknown) =>
        from(
          record(errorCodeOf(error)).catch((auditError: unknown) =>
            // The caller must learn why the mutation failed, not that its failure went unrecorded.
            this.logger.error(
              { err: auditError, operation: info.fieldName },
              'could not record a failed mutation in the audit trail',
            ),
          ),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Principal } from '../auth/role.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import type { AuditService } from './audit.service.js';

export interface SensitiveRead {
  readonly field: string;
  readonly entityId: string | undefined;
}

export interface AuditableRequest {
  principal?: Principal;
  id?: unknown;
  auditReads?: SensitiveRead[];
}

/** Called by the field-level access check when personnel data is read. */
export function noteSensitiveRead(req: AuditableRequest | undefined, read: SensitiveRead): void {
  if (!req) return;
  (req.auditReads ??= []).push(read);
}

/** Refusals already in the trail (the access guard records its own before it throws). */
const recordedRefusals = new WeakSet<Error>();

/** Called by whoever recorded a refusal itself, so that it is not recorded twice. */
export function noteRefusalRecorded(refusal: Error): void {
  recordedRefusals.add(refusal);
}

/** UNAUTHENTICATED or FORBIDDEN raised inside a query (an ownership or field check), not yet recorded. */
function unrecordedRefusal(error: GraphQLError): DomainError | undefined {
  // graphql-js wraps what a resolver throws (our filter's GraphQLError around the DomainError).
  let cause: unknown = error.originalError;
  for (let depth = 0; cause instanceof GraphQLError && depth < 4; depth++)
    cause = cause.originalError;
  if (!(cause instanceof DomainError) || recordedRefusals.has(cause)) return undefined;
  const refused = cause.code === ErrorCode.FORBIDDEN || cause.code === ErrorCode.UNAUTHENTICATED;
  return refused ? cause : undefined;
}

/**
 * After each operation, one READ event listing the personnel fields read and whose they were; and
 * for a query, one REFUSED event for each refusal its resolvers raised (another employee's trade,
 * a personnel field the caller's role may not read), naming the field's path and the reason.
 * Mutations are not covered here: the audit interceptor records their outcome, refusals included.
 */
export function auditReadsPlugin(
  audit: AuditService,
): ApolloServerPlugin<{ req?: AuditableRequest }> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: async ({ errors, contextValue, operation, operationName }) => {
          if (operation?.operation !== OperationTypeNode.QUERY) return;
          const req = contextValue.req;
          for (const error of errors) {
            const refusal = unrecordedRefusal(error);
            if (!refusal) continue;
            noteRefusalRecorded(refusal);
            await audit.record({
              principal: req?.principal,
              requestId: typeof req?.id === 'string' ? req.id : null,
              kind: 'REFUSED',
              operation: operationName ?? String(error.path?.[0] ?? 'anonymous operation'),
              entityIds: [],
              outcome: refusal.code,
              detail: { path: (error.path ?? []).join('.'), reason: refusal.message },
            });
          }
        },
        willSendResponse: async ({ contextValue, operationName }) => {
          const req = contextValue.req;
          const reads = req?.auditReads;
          if (!req || !reads?.length) return;
          req.auditReads = [];
          await audit.record({
            principal: req.principal,
            requestId: typeof req.id === 'string' ? req.id : null,
            kind: 'READ',
            operation: operationName ?? 'anonymous operation',
            entityIds: reads.map((r) => r.entityId).filter((id): id is string => id !== undefined),
            outcome: 'OK',
            detail: { fields: [...new Set(reads.map((r) => r.field))].sort() },
          });
        },
      }),
  };
}

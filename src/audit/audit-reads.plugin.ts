import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '../auth/role.js';
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

/** After each operation, one READ event listing the personnel fields read and whose they were. */
export function auditReadsPlugin(
  audit: AuditService,
): ApolloServerPlugin<{ req?: AuditableRequest }> {
  return {
    requestDidStart: () =>
      Promise.resolve({
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

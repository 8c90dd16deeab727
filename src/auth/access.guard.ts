import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { noteRefusalRecorded } from '../audit/audit-reads.plugin.js';
import { idsIn } from '../audit/audit.interceptor.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import {
  ACCESS_METADATA,
  SCOPE_METADATA,
  requestOf,
  type AccessPolicy,
} from './access.decorators.js';
import type { ApiScope, Principal } from './role.js';
import { TokenService } from './token.service.js';
import { API_KEY_PREFIX, ApiKeyService } from './api-keys/api-key.service.js';

/**
 * Global guard, deny by default: an operation is reachable only if it says who may call it
 * (@Allow(...roles) or @Public()). A bearer token, when sent, must be valid even on public operations.
 * Every refusal is recorded in the audit trail (kind REFUSED) before the caller hears of it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.authorize(context);
    } catch (error) {
      if (isRefusal(error)) {
        await this.recordRefusal(context, error);
        noteRefusalRecorded(error);
      }
      throw error;
    }
  }

  private async authorize(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = requestOf(context);
    const header = request?.headers.authorization;
    const token = parseBearer(Array.isArray(header) ? header[0] : header);
    if (token !== undefined && request) {
      request.principal = token.startsWith(API_KEY_PREFIX)
        ? await this.apiKeys.authenticate(token)
        : this.tokens.verify(token);
    }
    if (!policy) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`,
      );
      throw new DomainError(ErrorCode.FORBIDDEN, 'This operation is not open to any caller');
    }
    if (policy.kind === 'public') return true;
    const principal = request?.principal;
    if (!principal)
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Authorization: a bearer token is required',
        { field: 'Authorization' },
      );
    if (!principal.roles.some((role) => policy.roles.includes(role))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `Roles ${principal.roles.join(', ')} may not perform this operation (allowed: ${policy.roles.join(', ')})`,
      );
    }
    this.assertKeyScope(context, principal.keyId, principal.scopes);
    return true;
  }

  /**
   * Who was refused (the subject, when the token was valid), what they tried (the operation and
   * the ids in its arguments) and why. A failure to record is logged, and the refusal still stands.
   */
  private async recordRefusal(context: ExecutionContext, refusal: DomainError): Promise<void> {
    const request = requestOf(context) as RefusedRequest | undefined;
    const graphql = context.getType<string>() === 'graphql';
    const gql = graphql ? GqlExecutionContext.create(context) : undefined;
    try {
      await this.audit.record({
        principal: request?.principal,
        requestId: typeof request?.id === 'string' ? request.id : null,
        kind: 'REFUSED',
        operation: gql
          ? gql.getInfo<{ fieldName: string }>().fieldName
          : `${request?.method ?? '?'} ${request?.route?.path ?? '?'}`,
        entityIds: gql ? [...idsIn(gql.getArgs<unknown>())] : [],
        outcome: refusal.code,
        detail: { reason: refusal.message },
      });
    } catch (error) {
      this.logger.error({ err: error }, 'could not record a refused call in the audit trail');
    }
  }

  /** An API key may use an operation only if the operation names a scope and the key holds it. */
  private assertKeyScope(
    context: ExecutionContext,
    keyId: string | undefined,
    scopes: readonly ApiScope[] | undefined,
  ): void {
    if (keyId === undefined) return;
    const needed = this.reflector.getAllAndOverride<ApiScope | undefined>(SCOPE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!needed || !scopes?.includes(needed)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        needed
          ? `This API key lacks the scope ${needed}`
          : 'This operation is not open to API keys',
      );
    }
  }
}

/** UNAUTHENTICATED or FORBIDDEN; anything else (the database failing a key lookup, say) is not a refusal. */
function isRefusal(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    (error.code === ErrorCode.UNAUTHENTICATED || error.code === ErrorCode.FORBIDDEN)
  );
}

/** The parts of a request a refusal record names; the route pattern, never the URL (it may hold a secret). */
interface RefusedRequest {
  principal?: Principal;
  id?: unknown;
  method?: string;
  route?: { path?: string };
}

/** undefined: no Authorization header; throws when one is present but is not "Bearer <token>". */
function parseBearer(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Authorization: expected "Bearer <token>"', {
      field: 'Authorization',
    });
  return match[1];
}

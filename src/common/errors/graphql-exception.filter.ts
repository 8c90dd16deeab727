import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType, type GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { databaseUnavailableError, toGraphQLError } from './graphql-errors.js';

const HTTP_STATUS_BY_CODE: Record<string, number> = {
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
};

const CODE_BY_HTTP_STATUS: Record<number, ErrorCode> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RATE_LIMITED,
};

/**
 * The global filter: domain errors become GraphQL errors with their code; a database that cannot
 * be reached becomes SERVICE_UNAVAILABLE; anything unexpected is logged with its stack here and
 * reaches the client only as INTERNAL_SERVER_ERROR.
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  override catch(thrown: unknown, host: ArgumentsHost): unknown {
    const exception = this.unavailableAsDomainError(thrown, host);
    if (host.getType<GqlContextType>() !== 'graphql') {
      const httpException =
        exception instanceof DomainError
          ? new HttpException(
              { code: exception.code, message: exception.message },
              HTTP_STATUS_BY_CODE[exception.code] ?? 500,
            )
          : exception;
      return super.catch(httpException, host);
    }
    if (exception instanceof DomainError) return toGraphQLError(exception);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof HttpException && CODE_BY_HTTP_STATUS[exception.getStatus()]) {
      const code = CODE_BY_HTTP_STATUS[exception.getStatus()];
      return toGraphQLError(new DomainError(code, exception.message));
    }
    const info = GqlArgumentsHost.create(host).getInfo<{ fieldName?: string } | undefined>();
    this.logger.error(
      { err: exception, operation: info?.fieldName },
      'Unexpected error in a GraphQL operation',
    );
    return new GraphQLError('Internal server error', {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  }

  /** A lost database is an outage to report (without its stack), not a bug: SERVICE_UNAVAILABLE. */
  private unavailableAsDomainError(exception: unknown, host: ArgumentsHost): unknown {
    if (exception instanceof DomainError || !isDatabaseUnavailable(exception)) return exception;
    const operation =
      host.getType<GqlContextType>() === 'graphql'
        ? GqlArgumentsHost.create(host).getInfo<{ fieldName?: string } | undefined>()?.fieldName
        : undefined;
    this.logger.warn(
      { operation, cause: exception instanceof Error ? exception.message : String(exception) },
      'The database is unavailable',
    );
    return databaseUnavailableError();
  }
}

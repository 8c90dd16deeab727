/**
 * Stable error codes of the public API (`extensions.code`). Clients may switch on them;
 * never rename one. Expected business outcomes (an infeasible week, a refused trade) are
 * results with reasons, not errors.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetails {
  /** The input path that is wrong, e.g. `input.employees[3].timeZone`. */
  readonly field?: string;
  readonly value?: unknown;
  readonly [key: string]: unknown;
}

/** An error the caller can act on. The message is shown to API clients, so it names the field and value. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.VALIDATION_FAILED, message, details);
  }

  /** The usual case: one field, one offending value, and what was expected. */
  static forField(field: string, value: unknown, expected: string): ValidationFailedError {
    return new ValidationFailedError(`${field}: ${describeValue(value)} is invalid: ${expected}`, {
      field,
      value,
    });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string, field = 'id') {
    super(ErrorCode.NOT_FOUND, `${entity} ${JSON.stringify(id)} does not exist (${field})`, {
      field,
      value: id,
    });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

/** Shows a value in an error message without echoing megabytes back. */
export function describeValue(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
}

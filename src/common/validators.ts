import { registerDecorator, validateSync, type ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { describeValue, ErrorCode, ValidationFailedError } from '../core/errors.js';
import { isUsJurisdiction } from '../core/geo/us-states.js';
import type { RowError } from './graphql/bulk.js';

function define(name: string, test: (value: unknown) => boolean, expected: string) {
  return (options?: ValidationOptions) =>
    (target: object, propertyName: string): void =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName,
        options: { message: expected, ...options },
        validator: { validate: test },
      });
}

export const isIanaTimeZone = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= 64 &&
  /^[A-Za-z]/.test(value) &&
  IANAZone.isValidZone(value);

export const isLocalDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

/** An IANA time zone name known to the runtime, e.g. America/Chicago. */
export const IsIanaTimeZone = define(
  'isIanaTimeZone',
  isIanaTimeZone,
  'must be an IANA time zone name such as "America/Chicago"',
);

/** A USPS state or territory code, e.g. NC. */
export const IsUsState = define(
  'isUsState',
  (v) => typeof v === 'string' && isUsJurisdiction(v),
  'must be a USPS state code such as "NC"',
);

export const IsLocalDate = define('isLocalDate', isLocalDate, 'must be a calendar date YYYY-MM-DD');

/**
 * Validates one row of a bulk request on its own, so that a bad row rejects only itself.
 * Field paths are relative to the request: `rows[3].timeZone`.
 */
export function validateRow(row: object, index: number): RowError[] {
  const errors = validateSync(row, {
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((reason) =>
      rowError(index, error.property, error.value, reason),
    ),
  );
}

export function rowError(
  index: number,
  property: string,
  value: unknown,
  reason: string,
  code: string = ErrorCode.VALIDATION_FAILED,
): RowError {
  return {
    field: `rows[${index}].${property}`,
    code,
    message: `rows[${index}].${property}: ${describeValue(value)} is invalid: ${reason}`,
  };
}

/** Checks a state code given as a plain argument (input types use @IsUsState). */
export function parseUsState(value: string, field: string): string {
  if (!isUsJurisdiction(value))
    throw ValidationFailedError.forField(field, value, 'must be a USPS state code such as "NC"');
  return value;
}

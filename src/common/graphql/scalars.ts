import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTime, IANAZone } from 'luxon';
import { describeValue, ErrorCode } from '../../core/errors.js';

function invalid(scalar: string, value: unknown, expected: string): GraphQLError {
  return new GraphQLError(`${scalar}: ${describeValue(value)} is invalid: ${expected}`, {
    extensions: {
      code: ErrorCode.VALIDATION_FAILED,
      value: typeof value === 'string' ? value.slice(0, 200) : value,
    },
  });
}

function stringLiteral(scalar: string, ast: ValueNode, expected: string): string {
  if (ast.kind !== Kind.STRING) throw invalid(scalar, ast.kind, expected);
  return ast.value;
}

const OFFSET_SUFFIX = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const INSTANT_EXPECTED =
  'expected an ISO-8601 date-time with an offset, e.g. "2026-12-07T14:00:00Z" or "2026-12-07T09:00:00-05:00"';

export function parseInstant(value: unknown): Date {
  if (
    typeof value !== 'string' ||
    value.length > 40 ||
    !value.includes('T') ||
    !OFFSET_SUFFIX.test(value)
  ) {
    throw invalid('Instant', value, INSTANT_EXPECTED);
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw invalid('Instant', value, INSTANT_EXPECTED);
  return parsed.toJSDate();
}

/** A moment in time. Accepted with any offset, stored and returned in UTC. */
export const InstantScalar = new GraphQLScalarType<Date, string>({
  name: 'Instant',
  description:
    'An instant: ISO-8601 date-time with an offset (input), always returned in UTC, e.g. 2026-12-07T14:00:00.000Z.',
  serialize(value) {
    const date =
      value instanceof Date
        ? value
        : DateTime.isDateTime(value)
          ? value.toJSDate()
          : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('Instant cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(stringLiteral('Instant', ast, INSTANT_EXPECTED)),
});

const ZONE_EXPECTED = 'expected an IANA time zone name such as "America/Chicago"';

export function parseTimeZone(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length > 64 ||
    !IANAZone.isValidZone(value) ||
    !/^[A-Za-z]/.test(value)
  ) {
    throw invalid('TimeZone', value, ZONE_EXPECTED);
  }
  return value;
}

/** An IANA time zone name, checked against the runtime's time zone database. */
export const TimeZoneScalar = new GraphQLScalarType<string, string>({
  name: 'TimeZone',
  description: 'An IANA time zone name, e.g. America/New_York.',
  serialize: (value) => String(value),
  parseValue: parseTimeZone,
  parseLiteral: (ast) => parseTimeZone(stringLiteral('TimeZone', ast, ZONE_EXPECTED)),
});

const DATE_EXPECTED = 'expected a calendar date YYYY-MM-DD, e.g. "2026-12-07"';

export function parseLocalDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    !DateTime.fromISO(value).isValid
  ) {
    throw invalid('LocalDate', value, DATE_EXPECTED);
  }
  return value;
}

/** A calendar date without a zone; whose day it is follows from context (the employee's or state's zone). */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD, in the local time of whoever it belongs to.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(stringLiteral('LocalDate', ast, DATE_EXPECTED)),
});

const TIME_EXPECTED = 'expected a local time HH:mm, e.g. "09:30"';

export function parseLocalTime(value: unknown): string {
  if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    throw invalid('LocalTime', value, TIME_EXPECTED);
  return value;
}

/** A wall-clock time of day (HH:mm) in someone's local zone. */
export const LocalTimeScalar = new GraphQLScalarType<string, string>({
  name: 'LocalTime',
  description:
    'A wall-clock time of day, HH:mm (24-hour), in the local time of whoever it belongs to.',
  serialize: (value) => String(value).slice(0, 5),
  parseValue: parseLocalTime,
  parseLiteral: (ast) => parseLocalTime(stringLiteral('LocalTime', ast, TIME_EXPECTED)),
});

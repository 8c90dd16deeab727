import { ValidationFailedError } from '../errors.js';
import { type QueueParameters } from './types.js';

/**
 * Input validation for the staffing engine. Every check names the field exactly as the GraphQL
 * calculator input names it (`arrivals`, `intervalSeconds`, `ahtSeconds`, `targetAnswerSeconds`,
 * `targetServiceLevel`, `maxOccupancy`, `shrinkage`, `patienceSeconds`, `agents`), optionally
 * behind a path prefix such as `cells[3].` for batch inputs.
 */

/** Largest offered load (erlangs) the engine sizes; beyond it the input is surely a unit mistake. */
export const MAX_OFFERED_LOAD = 100_000;

/** Queue parameters after validation, with the optional ones defaulted. */
export interface ValidQueueParameters {
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
  readonly targetAnswerSeconds: number;
  readonly targetServiceLevel: number;
  /** Default 1 (no cap beyond stability). */
  readonly maxOccupancy: number;
  /** Default 0. */
  readonly shrinkage: number;
  /** `null` when the queue has no patience model (Erlang C). */
  readonly patienceSeconds: number | null;
}

type Check = (value: number) => boolean;

/** Throws unless `value` is a finite number passing `check`; returns it typed as a number. */
export function requireNumber(
  field: string,
  value: unknown,
  check: Check,
  expected: string,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
    throw ValidationFailedError.forField(field, value, expected);
  }
  return value;
}

const positive: Check = (v) => v > 0;
const nonNegative: Check = (v) => v >= 0;
const isAbsent = (value: unknown): value is null | undefined =>
  value === null || value === undefined;

export function validateArrivals(value: unknown, field = 'arrivals'): number {
  return requireNumber(field, value, nonNegative, 'must be a finite number >= 0');
}

export function validateAgents(value: unknown, field = 'agents'): number {
  const wholeNonNegative: Check = (v) => v >= 0 && Number.isInteger(v);
  return requireNumber(field, value, wholeNonNegative, 'must be a whole number >= 0');
}

/** One rule per field: what a valid value is, and how the error message says it. */
const RULES = {
  intervalSeconds: [positive, 'must be a positive number of seconds'],
  ahtSeconds: [positive, 'must be a positive number of seconds'],
  targetAnswerSeconds: [nonNegative, 'must be a finite number of seconds >= 0'],
  targetServiceLevel: [(v) => v > 0 && v < 1, 'must be strictly between 0 and 1'],
  maxOccupancy: [(v) => v > 0 && v <= 1, 'must be greater than 0 and at most 1'],
  shrinkage: [(v) => v >= 0 && v < 1, 'must be at least 0 and less than 1'],
  patienceSeconds: [positive, 'must be a positive number of seconds'],
} satisfies Record<keyof QueueParameters, readonly [Check, string]>;

/** Validates the queue parameters and fills in the defaults (maxOccupancy 1, shrinkage 0). */
export function validateQueueParameters(input: QueueParameters, path = ''): ValidQueueParameters {
  const field = (name: keyof QueueParameters): number => {
    const [check, expected] = RULES[name];
    return requireNumber(`${path}${name}`, input[name], check, expected);
  };
  const optional = <T>(name: keyof QueueParameters, fallback: T): number | T =>
    isAbsent(input[name]) ? fallback : field(name);
  return {
    intervalSeconds: field('intervalSeconds'),
    ahtSeconds: field('ahtSeconds'),
    targetAnswerSeconds: field('targetAnswerSeconds'),
    targetServiceLevel: field('targetServiceLevel'),
    maxOccupancy: optional('maxOccupancy', 1),
    shrinkage: optional('shrinkage', 0),
    patienceSeconds: optional('patienceSeconds', null),
  };
}

/**
 * Offered load A = arrivals × AHT / interval length (erlangs), validated against
 * {@link MAX_OFFERED_LOAD} so that sizing loops always end quickly.
 */
export function validatedOfferedLoad(
  arrivals: number,
  parameters: ValidQueueParameters,
  field = 'arrivals',
): number {
  const load = (arrivals * parameters.ahtSeconds) / parameters.intervalSeconds;
  if (!(load <= MAX_OFFERED_LOAD)) {
    throw ValidationFailedError.forField(
      field,
      arrivals,
      `the offered load arrivals × ahtSeconds / intervalSeconds must be at most ${MAX_OFFERED_LOAD} erlangs (got ${load})`,
    );
  }
  return load;
}

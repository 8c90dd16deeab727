import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { describeValue, ValidationFailedError } from '../core/errors.js';

interface FieldProblem {
  field: string;
  value: unknown;
  reasons: string[];
}

function collect(errors: ValidationError[], parent: string, out: FieldProblem[]): void {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    if (error.constraints)
      out.push({ field, value: error.value, reasons: Object.values(error.constraints) });
    if (error.children?.length) collect(error.children, field, out);
  }
}

/** class-validator's errors, flattened to input paths, as one VALIDATION_FAILED error naming each field and value. */
export function toValidationFailedError(
  errors: ValidationError[],
  root = 'input',
): ValidationFailedError {
  const problems: FieldProblem[] = [];
  collect(errors, root, problems);
  const message = problems
    .slice(0, 10)
    .map((p) => `${p.field}: ${describeValue(p.value)} is invalid: ${p.reasons.join('; ')}`)
    .join(' | ');
  const first = problems[0];
  return new ValidationFailedError(message || 'input is invalid', {
    ...(first && { field: first.field, value: first.value }),
    problems: problems.map((p) => ({ field: p.field, reasons: p.reasons })),
  });
}

class RawValidationErrors extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * The global pipe: validates every @InputType/@ArgsType argument before a resolver runs, and
 * names each failing field by its full path from the argument (`input.rows[2].timeZone`).
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => new RawValidationErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof RawValidationErrors)
        throw toValidationFailedError(error.errors, metadata.data ?? '');
      throw error;
    }
  }
}

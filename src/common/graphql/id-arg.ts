import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { ValidationFailedError } from '../../core/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of this API are UUIDs. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Refuses an id argument that is not a UUID, naming the argument, before it reaches the database. */
@Injectable()
class IdPipe implements PipeTransform<unknown, unknown> {
  constructor(private readonly name: string) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'string' || !isUuid(value))
      throw ValidationFailedError.forField(
        this.name,
        value,
        'must be an id returned by this API (a UUID)',
      );
    return value;
  }
}

/** `@Args(name, { type: () => ID })` for ids, checked to be UUIDs. */
export const IdArg = (name: string, options: { nullable?: boolean; description?: string } = {}) =>
  Args(name, { type: () => ID, ...options }, new IdPipe(name));

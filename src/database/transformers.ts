import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string to keep precision; these columns are small enough for a JS number. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A figure rounded for a benchmark's JSON line (`null` stays `null`). */
export const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

import type { RowSense } from './sparse.js';

/**
 * What every Lagrangian bound over the roster model needs of a priced row and a column outside all
 * blocks (mip/day-bound.ts; the probes in bench/lagrangian/).
 */

/**
 * A row's price with the sign that keeps L a lower bound: ≥ 0 on ≥ rows, ≤ 0 on ≤ rows, free on
 * equalities (a solver's dual can miss the sign by its tolerance).
 */
export function signedPrice(sense: RowSense, price: number): number {
  if (sense === 'G') return Math.max(0, price);
  if (sense === 'L') return Math.min(0, price);
  return price;
}

/**
 * Where cost·x is least over [lower, upper]: the lower bound for a positive cost, the upper one
 * for a negative cost, the lower one (when finite) for none. Infinite when L is -∞ there.
 */
export function cheapestOnBounds(cost: number, lower: number, upper: number): number {
  return cost > 0 || (cost === 0 && Number.isFinite(lower)) ? lower : upper;
}

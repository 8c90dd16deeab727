/**
 * Small numerical helpers for the staffing engine: log-space sums, a tolerant ceiling and a
 * quadrature for integrands exp(ψ(x)) with concave ψ (log-concave integrands).
 */

/** log(e^a + e^b) without overflow; handles −∞ operands. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/**
 * ⌈x⌉, ignoring floating-point noise just above an integer (7 / (1 − 0.3) is
 * 10.000000000000002 in binary floating point and must give 10 agents, not 11).
 */
export function ceilTolerant(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

/** 10-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree 19. */
const GAUSS_NODES = [
  0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845,
  0.9739065285171717,
];
const GAUSS_WEIGHTS = [
  0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881,
];

/** Most panels per side of the peak. */
const MAX_PANELS = 16;
/** Fewest panels so that each spans at most this many e-folds of the integrand. */
const E_FOLDS_PER_PANEL = 3;
/** The integrand is ignored where it is below e^−CUT of its peak (relative error ~1e−22). */
const CUT = 50;
/** Bisection steps: the bracket shrinks by 2^−60, far below what the cut-offs need. */
const BISECTIONS = 60;

/** A concave function ψ and its derivative ψ′ (non-increasing). */
export interface ConcaveExponent {
  readonly value: (x: number) => number;
  readonly slope: (x: number) => number;
}

/** Where a non-increasing slope changes sign in [lower, upper] (upper may be ∞): the peak of ψ. */
function findPeak(slope: (x: number) => number, lower: number, upper: number): number {
  if (!(slope(lower) > 0)) return lower;
  if (Number.isFinite(upper) && slope(upper) >= 0) return upper;
  let below = lower;
  let above = Number.isFinite(upper) ? upper : lower + 1;
  while (slope(above) > 0) {
    below = above;
    above = lower + 2 * (above - lower);
  }
  for (let i = 0; i < BISECTIONS && above - below > 0; i += 1) {
    const middle = 0.5 * (below + above);
    if (slope(middle) > 0) below = middle;
    else above = middle;
  }
  return 0.5 * (below + above);
}

/** The point between `inside` (ψ >= level) and `outside` (ψ < level) where ψ crosses `level`. */
function findLevel(
  value: (x: number) => number,
  inside: number,
  outside: number,
  level: number,
): number {
  for (let i = 0; i < BISECTIONS && inside !== outside; i += 1) {
    const middle = 0.5 * (inside + outside);
    if (middle === inside || middle === outside) break;
    if (value(middle) >= level) inside = middle;
    else outside = middle;
  }
  return outside;
}

/** Right end of the support that matters: where ψ falls below `level` right of the peak. */
function rightEnd(
  value: (x: number) => number,
  peak: number,
  upper: number,
  level: number,
): number {
  if (Number.isFinite(upper))
    return value(upper) >= level ? upper : findLevel(value, peak, upper, level);
  let step = Math.max(1, Math.abs(peak));
  while (value(peak + step) >= level) step *= 2;
  return findLevel(value, peak, peak + step, level);
}

/**
 * Σ exp(ψ(x) − shift)·w over a composite Gauss–Legendre rule on [a, b], one side of the peak
 * (so ψ is monotone there): one panel per 3 e-folds ψ falls across [a, b], 1 to 16 panels.
 */
function gaussLegendre(value: (x: number) => number, a: number, b: number, shift: number): number {
  if (!(b > a)) return 0;
  const drop = shift - Math.min(value(a), value(b));
  const panels = Math.min(MAX_PANELS, Math.max(1, Math.ceil(drop / E_FOLDS_PER_PANEL)));
  const width = (b - a) / panels;
  let sum = 0;
  for (let panel = 0; panel < panels; panel += 1) {
    const centre = a + (panel + 0.5) * width;
    for (let i = 0; i < GAUSS_NODES.length; i += 1) {
      const offset = 0.5 * width * GAUSS_NODES[i];
      const weight = GAUSS_WEIGHTS[i];
      sum +=
        weight *
        (Math.exp(value(centre - offset) - shift) + Math.exp(value(centre + offset) - shift));
    }
  }
  return 0.5 * width * sum;
}

/**
 * log ∫_lower^upper exp(ψ(x)) dx for concave ψ (upper may be ∞ if ψ eventually decreases).
 *
 * Finds the peak x* of ψ from ψ′, keeps the range where ψ >= ψ(x*) − 50 (found by bisection; ψ
 * is monotone on either side of the peak), and integrates each side with a composite 10-point
 * Gauss–Legendre rule (up to 16 panels, each spanning at most 3 e-folds), scaled by e^−ψ(x*) so
 * nothing overflows. Returns −∞ for an empty range.
 */
export function logIntegralOfExp(psi: ConcaveExponent, lower: number, upper: number): number {
  if (!(upper > lower)) return -Infinity;
  const peak = findPeak(psi.slope, lower, upper);
  const top = psi.value(peak);
  if (!Number.isFinite(top)) return top;
  const level = top - CUT;
  const left =
    peak === lower || psi.value(lower) >= level ? lower : findLevel(psi.value, peak, lower, level);
  const right = peak === upper ? upper : rightEnd(psi.value, peak, upper, level);
  const sum =
    gaussLegendre(psi.value, left, peak, top) + gaussLegendre(psi.value, peak, right, top);
  return top + Math.log(sum);
}

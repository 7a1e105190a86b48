/**
 * Inverting a monotone increasing function on a bracket: Newton steps where they stay inside the
 * bracket, bisection where they do not (safeguarded Newton, as in Numerical Recipes' rtsafe).
 * Used for the t and beta quantiles, where the cdf is accurate and the density is cheap, so
 * convergence is quadratic and the answer is as accurate as the cdf allows.
 */

export type MonotoneInverse = {
  /** f(x) − target, increasing in x. */
  readonly residual: (x: number) => number;
  /** f′(x); only steers the steps, so a rough value costs iterations, not accuracy. */
  readonly derivative: (x: number) => number;
  readonly lower: number;
  readonly upper: number;
  readonly start: number;
};

export function invertMonotone({ residual, derivative, lower, upper, start }: MonotoneInverse): number {
  let lo = lower;
  let hi = upper;
  let x = Math.min(Math.max(start, lo), hi);
  for (let i = 0; i < 500; i++) {
    const r = residual(x);
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    const slope = derivative(x);
    let next = slope > 0 && Number.isFinite(slope) ? x - r / slope : Number.NaN;
    // Bisect geometrically across wide positive brackets (heavy tails), arithmetically otherwise.
    if (!(next > lo && next < hi)) next = lo > 0 && hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.abs(next) || hi - lo <= 1e-15 * Math.abs(next)) return next;
    if (next === lo || next === hi) return next;
    x = next;
  }
  return x;
}

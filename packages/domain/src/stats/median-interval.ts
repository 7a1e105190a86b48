/**
 * A distribution-free confidence interval for a median, from order statistics: the interval from
 * the r-th to the (n − r + 1)-th smallest value covers the population median with probability
 * 1 − 2·P(B ≤ r − 1), B ~ Binomial(n, ½), whatever the distribution. We take the largest r whose
 * coverage is at least the level asked (so the interval is exact or conservative), as in
 * Campbell & Gardner, "Calculating confidence intervals for some non-parametric analyses",
 * BMJ 1988;296:1454 (their table gives ranks 10 and 21 for n = 30). Used where a median is
 * shown to patients ("typical course"), so the number comes with its uncertainty.
 */
import { binomialCdf } from "./distributions";
import { checkLevel } from "./proportions";

export type MedianInterval = { lower: number; upper: number; ranks: [number, number]; coverage: number };

/** The interval for the median of `sorted` (ascending), or null when n is too small for the level. */
export function medianInterval(sorted: readonly number[], level = 0.95): MedianInterval | null {
  checkLevel(level);
  const n = sorted.length;
  let r = 0;
  // Widen inwards while the coverage stays at or above the level.
  while (r + 1 <= Math.floor((n + 1) / 2) && 1 - 2 * binomialCdf(r, n, 0.5) >= level) r += 1;
  if (r === 0) return null;
  return {
    lower: sorted[r - 1] as number,
    upper: sorted[n - r] as number,
    ranks: [r, n - r + 1],
    coverage: 1 - 2 * binomialCdf(r - 1, n, 0.5),
  };
}

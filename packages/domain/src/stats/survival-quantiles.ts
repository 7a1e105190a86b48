/**
 * Median survival and survival quantiles with their confidence limits, read off a Kaplan–Meier
 * curve exactly as R's survival package does (version 3.x).
 *
 * R has two slightly different rules, and both are reproduced:
 * - medianSurvival = print.survfit / summary(fit)$table (survival:::survmean, inner "minmin"):
 *   the first time the curve is ≤ 0.5; if it sits exactly at 0.5 (within √ε), the midpoint
 *   between that time and the time it next drops; if it never drops again, that first time.
 *   The limits are the same rule applied to the lower and upper confidence curves.
 * - survivalQuantile = quantile.survfit (survival:::findq): the same, except that when the curve
 *   ends exactly at 1 − p, the midpoint between reaching it and the last follow-up time.
 * A curve (or confidence curve) that never reaches the level gives null: "not reached".
 */

import type { KaplanMeierStep } from "./kaplan-meier";

export type MedianSurvival = {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
};

export type SurvivalQuantile = MedianSurvival & { readonly probability: number };

const TOLERANCE = Math.sqrt(Number.EPSILON);

// survmean's minmin(y, x).
function firstAtOrBelowHalf(survival: readonly (number | null)[], times: readonly number[]): number | null {
  const kept = survival.flatMap((y, i) =>
    y !== null && y < 0.5 + TOLERANCE ? [{ y, x: times[i] as number }] : [],
  );
  const first = kept[0];
  if (first === undefined) return null;
  if (Math.abs(first.y - 0.5) < TOLERANCE) {
    const drop = kept.find((k) => k.y < first.y);
    if (drop !== undefined) return (first.x + drop.x) / 2;
  }
  return first.x;
}

/** Median survival and its confidence limits, as print.survfit reports them. */
export function medianSurvival(steps: readonly KaplanMeierStep[]): MedianSurvival {
  const times = steps.map((s) => s.time);
  return {
    estimate: firstAtOrBelowHalf(
      steps.map((s) => s.survival),
      times,
    ),
    lower: firstAtOrBelowHalf(
      steps.map((s) => s.lower),
      times,
    ),
    upper: firstAtOrBelowHalf(
      steps.map((s) => s.upper),
      times,
    ),
  };
}

// R's approx(values, 1:n, p, method = "constant", f = 1)$y: the position of the smallest value ≥ p,
// or null when p lies outside the range of the (non-missing) values.
function smallestAtLeast(values: readonly (number | null)[], p: number): number | null {
  let best: number | null = null;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  values.forEach((v, i) => {
    if (v === null) return;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v >= p && (best === null || v < (values[best] as number))) best = i;
  });
  return p < min || p > max ? null : best;
}

// survival:::findq for one probability: x = (0, times), y = (0, 1 − curve).
function findQuantile(times: readonly number[], curve: readonly (number | null)[], p: number): number | null {
  const allX = [0, ...times];
  const allY = [0, ...curve.map((s) => (s === null ? null : 1 - s))];
  const highest = allY.reduce<number>((m, y) => (y !== null && y > m ? y : m), Number.NEGATIVE_INFINITY);
  if (highest < p) return null;
  const xmax = allX[allX.length - 1] as number;
  // R's duplicated(): keep the first time at which each distinct value is reached.
  const seen = new Set<number | null>();
  const x: number[] = [];
  const y: (number | null)[] = [];
  allY.forEach((v, i) => {
    if (seen.has(v)) return;
    seen.add(v);
    y.push(v);
    x.push(allX[i] as number);
  });
  if (p === 0) return x[0] as number;
  const i1 = smallestAtLeast(
    y.map((v) => (v === null ? null : v + TOLERANCE)),
    p,
  );
  const i2 = smallestAtLeast(
    y.map((v) => (v === null ? null : v - TOLERANCE)),
    p,
  );
  const last = y[y.length - 1];
  if (last !== null && last !== undefined && Math.abs(p - last) < TOLERANCE) {
    return i1 === null ? null : ((x[i1] as number) + xmax) / 2;
  }
  return i1 === null || i2 === null ? null : ((x[i1] as number) + (x[i2] as number)) / 2;
}

/** The time by which a fraction `probability` has had the event (0.5 = median), as quantile.survfit. */
export function survivalQuantile(steps: readonly KaplanMeierStep[], probability: number): SurvivalQuantile {
  const times = steps.map((s) => s.time);
  return {
    probability,
    estimate: findQuantile(
      times,
      steps.map((s) => s.survival),
      probability,
    ),
    lower: findQuantile(
      times,
      steps.map((s) => s.lower),
      probability,
    ),
    upper: findQuantile(
      times,
      steps.map((s) => s.upper),
      probability,
    ),
  };
}

/**
 * Change scores: a mean with its t interval (R's t.test(x)), the paired t-test (R's
 * t.test(after, before, paired = TRUE)), and responder rates at absolute and relative thresholds.
 *
 * Conventions: change = after − before, so on pain and disability scales (lower is better) an
 * improvement is a negative change. Responder thresholds are stated as an improvement, whatever
 * the scale's direction: "≥ 10 points" or "≥ 30% of baseline" (Ostelo 2008; IMMPACT, Dworkin 2008).
 * Reporting several thresholds side by side is deliberate: published studies differ.
 */

import { badRequest } from "../errors";
import { studentTQuantile, studentTTails } from "./distributions";
import { checkLevel, type ProportionInterval, wilsonInterval } from "./proportions";

export type MeanInterval = {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
};

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1 denominator). */
export function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

function checkFinite(values: readonly number[], path: string): void {
  if (values.some((v) => !Number.isFinite(v))) throw badRequest("all values must be finite numbers", path);
}

/** Mean with a two-sided t confidence interval. */
export function meanCI(values: readonly number[], level = 0.95): MeanInterval {
  checkLevel(level);
  checkFinite(values, "values");
  const n = values.length;
  if (n < 2) throw badRequest(`a confidence interval needs at least 2 values, got ${n}`, "values");
  const m = mean(values);
  const sd = standardDeviation(values);
  const half = (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, lower: m - half, upper: m + half };
}

/**
 * `meanCI` of values given with how often each occurs (`counts[i]` copies of `values[i]`), without
 * expanding them: the same mean, standard deviation and interval, summed per distinct value.
 */
export function weightedMeanCI(
  values: readonly number[],
  counts: readonly number[],
  level = 0.95,
): MeanInterval {
  checkLevel(level);
  checkFinite(values, "values");
  if (counts.length !== values.length || counts.some((c) => !Number.isInteger(c) || c < 0))
    throw badRequest("counts must be one whole number ≥ 0 per value", "counts");
  let n = 0;
  let sum = 0;
  for (const [i, v] of values.entries()) {
    n += counts[i] as number;
    sum += (counts[i] as number) * v;
  }
  if (n < 2) throw badRequest(`a confidence interval needs at least 2 values, got ${n}`, "values");
  const m = sum / n;
  let ss = 0;
  for (const [i, v] of values.entries()) ss += (counts[i] as number) * (v - m) * (v - m);
  const sd = Math.sqrt(ss / (n - 1));
  const half = (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, lower: m - half, upper: m + half };
}

export type PairedTTest = {
  readonly n: number;
  readonly meanChange: number;
  readonly lower: number;
  readonly upper: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
};

/** Paired t-test of change = after − before against 0, two-sided. */
export function pairedTTest(before: readonly number[], after: readonly number[], level = 0.95): PairedTTest {
  if (before.length !== after.length) {
    throw badRequest(`before and after differ in length (${before.length} vs ${after.length})`, "after");
  }
  checkFinite(before, "before");
  checkFinite(after, "after");
  const change = after.map((a, i) => a - (before[i] as number));
  const { n, mean: meanChange, sd, lower, upper } = meanCI(change, level);
  if (!(sd > 0)) throw badRequest("every change is the same, so there is no variance to test", "after");
  const t = meanChange / (sd / Math.sqrt(n));
  const df = n - 1;
  const p = 2 * studentTTails(-Math.abs(t), df).lower;
  return { n, meanChange, lower, upper, t, df, p };
}

export const ScaleDirection = {
  lowerIsBetter: "lower-is-better",
  higherIsBetter: "higher-is-better",
} as const;
export type ScaleDirection = (typeof ScaleDirection)[keyof typeof ScaleDirection];

export type ResponderCriterion =
  /** An improvement of at least `points` on the scale. */
  | { readonly kind: "absolute"; readonly points: number }
  /** An improvement of at least `fraction` (0.3 = 30%) of the baseline score. */
  | { readonly kind: "relative"; readonly fraction: number };

// Scores are on coarse scales; this only absorbs rounding (0.3 × 10 is not exactly 3 in binary).
const ROUNDING = 1e-9;

/**
 * Whether one patient responded. A relative criterion needs a baseline above 0 (on a
 * lower-is-better scale, a baseline of 0 leaves nothing to improve): otherwise not a responder.
 */
export function isResponder(
  before: number,
  after: number,
  criterion: ResponderCriterion,
  direction: ScaleDirection = ScaleDirection.lowerIsBetter,
): boolean {
  const improvement = direction === ScaleDirection.lowerIsBetter ? before - after : after - before;
  if (criterion.kind === "absolute") return improvement >= criterion.points - ROUNDING;
  if (!(before > 0)) return false;
  return improvement / before >= criterion.fraction - ROUNDING;
}

export type ResponderRate = ProportionInterval & { readonly criterion: ResponderCriterion };

/** Proportion of responders with a Wilson interval. */
export function responderRate(
  before: readonly number[],
  after: readonly number[],
  criterion: ResponderCriterion,
  options: { readonly direction?: ScaleDirection; readonly level?: number } = {},
): ResponderRate {
  if (before.length !== after.length) {
    throw badRequest(`before and after differ in length (${before.length} vs ${after.length})`, "after");
  }
  checkFinite(before, "before");
  checkFinite(after, "after");
  const direction = options.direction ?? ScaleDirection.lowerIsBetter;
  let responders = 0;
  before.forEach((b, i) => {
    if (isResponder(b, after[i] as number, criterion, direction)) responders += 1;
  });
  return { ...wilsonInterval(responders, before.length, options.level ?? 0.95), criterion };
}

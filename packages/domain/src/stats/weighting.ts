/**
 * Propensity-score weighting for comparing treated with untreated patients in the registry
 * (target-trial emulation; Hernán & Robins, "Causal Inference: What If", ch. 12).
 *
 * - Propensity score: logistic regression of treatment on baseline covariates.
 * - Stabilised inverse-probability-of-treatment weights: P(T = t) / P(T = t | X), which keep the
 *   pseudo-population the size of the sample (Robins, Hernán & Brumback 2000).
 * - Optional truncation at percentiles of the weight distribution (e.g. 1st and 99th), across the
 *   whole sample, as Cole & Hernán 2008 ("Constructing inverse probability weights for marginal
 *   structural models"). Often called trimming; no patient is dropped, extreme weights are capped.
 * - Standardized mean differences before and after weighting (Austin 2009; Austin & Stuart 2015):
 *   (mean₁ − mean₀)/√((s₁² + s₀²)/2). The denominator is taken from the unweighted sample both
 *   times, as R's cobalt does by default, so a change in the SMD reflects a change in the means
 *   only. Variables coded 0/1 use p(1 − p) as their variance, others the sample variance.
 *   |SMD| < 0.1 is the usual mark of adequate balance.
 */

import { badRequest } from "../errors";
import type { Covariates } from "./design";
import { type LogisticFit, logisticRegression } from "./logistic-regression";

export type PropensityModel = { readonly scores: number[]; readonly model: LogisticFit };

export function propensityScores(treated: readonly boolean[], covariates: Covariates): PropensityModel {
  const model = logisticRegression(
    treated.map((t) => (t ? 1 : 0)),
    covariates,
  );
  return { scores: model.fitted, model };
}

/** R's quantile(x, probs, type = 7). */
export function quantile(values: readonly number[], probability: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * probability;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export type WeightOptions = {
  /** Stabilised weights (default) or plain 1/P(T = t | X). */
  readonly stabilised?: boolean;
  /** Cap weights at these percentiles of their distribution, e.g. { lower: 0.01, upper: 0.99 }. */
  readonly truncate?: { readonly lower: number; readonly upper: number };
};

export function inverseProbabilityWeights(
  treated: readonly boolean[],
  scores: readonly number[],
  options: WeightOptions = {},
): number[] {
  if (treated.length !== scores.length) throw badRequest("treated and scores differ in length", "scores");
  if (scores.some((s) => !(s > 0 && s < 1))) {
    throw badRequest("propensity scores must lie strictly between 0 and 1", "scores");
  }
  const share = treated.filter(Boolean).length / treated.length;
  const stabilised = options.stabilised ?? true;
  const weights = scores.map((s, i) => {
    const numerator = stabilised ? (treated[i] ? share : 1 - share) : 1;
    return numerator / (treated[i] ? s : 1 - s);
  });
  const limits = options.truncate;
  if (limits === undefined) return weights;
  if (!(limits.lower >= 0 && limits.lower < limits.upper && limits.upper <= 1)) {
    throw badRequest("truncation percentiles must satisfy 0 ≤ lower < upper ≤ 1", "truncate");
  }
  const low = quantile(weights, limits.lower);
  const high = quantile(weights, limits.upper);
  return weights.map((w) => Math.min(Math.max(w, low), high));
}

export type Balance = {
  readonly name: string;
  readonly before: number;
  /** null when no weights were given. */
  readonly after: number | null;
};

export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let swx = 0;
  values.forEach((v, i) => {
    sw += weights[i] as number;
    swx += (weights[i] as number) * v;
  });
  return swx / sw;
}

function variance(values: readonly number[], binary: boolean): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (binary) return mean * (1 - mean);
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
}

/** SMD of each covariate between treated and untreated, unweighted and (if given) weighted. */
export function standardizedMeanDifferences(
  treated: readonly boolean[],
  covariates: Covariates,
  weights?: readonly number[],
): Balance[] {
  if (weights !== undefined && weights.length !== treated.length) {
    throw badRequest("weights and treated differ in length", "weights");
  }
  const ones = treated.map(() => 1);
  const split = <T>(xs: readonly T[], arm: boolean) => xs.filter((_, i) => treated[i] === arm);
  return Object.entries(covariates).map(([name, values]) => {
    if (values.length !== treated.length)
      throw badRequest("length differs from treated", `covariates.${name}`);
    const binary = values.every((v) => v === 0 || v === 1);
    const x1 = split(values, true);
    const x0 = split(values, false);
    const sd = Math.sqrt((variance(x1, binary) + variance(x0, binary)) / 2);
    const smd = (w: readonly number[]) =>
      (weightedMean(x1, split(w, true)) - weightedMean(x0, split(w, false))) / sd;
    return { name, before: smd(ones), after: weights === undefined ? null : smd(weights) };
  });
}

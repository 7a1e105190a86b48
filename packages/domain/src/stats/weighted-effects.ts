/**
 * Treatment effects in an inverse-probability-weighted sample: the difference in mean change and
 * the difference (and ratio) in responder rate between treated and untreated.
 *
 * Estimates are weighted (Hájek) means per arm. Standard errors are the robust sandwich (HC0):
 * exactly what R gives for lm(y ~ treated, weights = w) with sandwich::vcovHC(type = "HC0") —
 * per arm Σw²(y − ȳ)²/(Σw)² — and, for the log risk ratio, for the log-link Poisson/quasi-Poisson
 * glm with the same sandwich. Intervals are normal (Wald) intervals. The sandwich treats the
 * weights as known, which ignores that the propensity scores were estimated; for IPTW that makes
 * it conservative (Lunceford & Davidian 2004). The bootstrap option refits the propensity model
 * in every resample, so its percentile interval includes that uncertainty too.
 */

import { badRequest, isEvidentError } from "../errors";
import type { Covariates } from "./design";
import { normalQuantile } from "./distributions";
import { checkLevel } from "./proportions";
import { seededRandom } from "./random";
import { inverseProbabilityWeights, propensityScores, quantile, type WeightOptions } from "./weighting";

export type Estimate = {
  readonly estimate: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
};

type Arm = { mean: number; variance: number; sd: number };

function arm(
  values: readonly number[],
  treated: readonly boolean[],
  weights: readonly number[],
  which: boolean,
): Arm {
  let sw = 0;
  let swy = 0;
  const ys: number[] = [];
  values.forEach((y, i) => {
    if (treated[i] !== which) return;
    sw += weights[i] as number;
    swy += (weights[i] as number) * y;
    ys.push(y);
  });
  if (ys.length === 0) throw badRequest(`no ${which ? "treated" : "untreated"} patients`, "treated");
  const mean = swy / sw;
  let meat = 0;
  values.forEach((y, i) => {
    if (treated[i] === which) meat += ((weights[i] as number) * (y - mean)) ** 2;
  });
  const plainMean = ys.reduce((s, y) => s + y, 0) / ys.length;
  const sd = Math.sqrt(ys.reduce((s, y) => s + (y - plainMean) ** 2, 0) / (ys.length - 1));
  return { mean, variance: meat / (sw * sw), sd };
}

function check(values: readonly number[], treated: readonly boolean[], weights: readonly number[]): void {
  if (values.length !== treated.length || weights.length !== treated.length) {
    throw badRequest("outcome, treated and weights must have the same length", "weights");
  }
  if (values.some((v) => !Number.isFinite(v))) throw badRequest("outcome values must be finite", "outcome");
  if (weights.some((w) => !(w > 0) || !Number.isFinite(w)))
    throw badRequest("weights must be positive", "weights");
}

function wald(estimate: number, se: number, z: number): Estimate {
  return { estimate, se, lower: estimate - z * se, upper: estimate + z * se };
}

export type MeanDifference = {
  readonly treatedMean: number;
  readonly untreatedMean: number;
  readonly difference: Estimate;
  /**
   * The difference and its limits divided by the pooled (unweighted) SD of the outcome,
   * √((s₁² + s₀²)/2): the d for eValueForStandardizedDifference.
   */
  readonly standardized: { readonly estimate: number; readonly lower: number; readonly upper: number };
};

/** Weighted difference in means (treated − untreated), e.g. of change in ODI. */
export function weightedMeanDifference(
  outcome: readonly number[],
  treated: readonly boolean[],
  weights: readonly number[],
  level = 0.95,
): MeanDifference {
  checkLevel(level);
  check(outcome, treated, weights);
  const one = arm(outcome, treated, weights, true);
  const zero = arm(outcome, treated, weights, false);
  const difference = wald(
    one.mean - zero.mean,
    Math.sqrt(one.variance + zero.variance),
    normalQuantile((1 + level) / 2),
  );
  const sd = Math.sqrt((one.sd ** 2 + zero.sd ** 2) / 2);
  return {
    treatedMean: one.mean,
    untreatedMean: zero.mean,
    difference,
    standardized: {
      estimate: difference.estimate / sd,
      lower: difference.lower / sd,
      upper: difference.upper / sd,
    },
  };
}

export type ResponderEffect = {
  readonly treatedRisk: number;
  readonly untreatedRisk: number;
  readonly riskDifference: Estimate;
  /** Interval from the log scale; null when either arm has no responders. */
  readonly riskRatio: { readonly estimate: number; readonly lower: number; readonly upper: number } | null;
};

/** Weighted difference and ratio in the proportion of responders (treated vs untreated). */
export function weightedResponderEffect(
  responded: readonly boolean[],
  treated: readonly boolean[],
  weights: readonly number[],
  level = 0.95,
): ResponderEffect {
  checkLevel(level);
  const y = responded.map((r) => (r ? 1 : 0));
  check(y, treated, weights);
  const z = normalQuantile((1 + level) / 2);
  const one = arm(y, treated, weights, true);
  const zero = arm(y, treated, weights, false);
  const riskDifference = wald(one.mean - zero.mean, Math.sqrt(one.variance + zero.variance), z);
  let riskRatio: ResponderEffect["riskRatio"] = null;
  if (one.mean > 0 && zero.mean > 0) {
    const log = wald(
      Math.log(one.mean / zero.mean),
      Math.sqrt(one.variance / one.mean ** 2 + zero.variance / zero.mean ** 2),
      z,
    );
    riskRatio = { estimate: Math.exp(log.estimate), lower: Math.exp(log.lower), upper: Math.exp(log.upper) };
  }
  return { treatedRisk: one.mean, untreatedRisk: zero.mean, riskDifference, riskRatio };
}

export type BootstrapOptions = WeightOptions & {
  readonly replicates?: number;
  readonly seed: number;
  readonly level?: number;
  /** Called after each resample, e.g. to draw a progress bar; resamples can take minutes. */
  readonly onProgress?: (done: number, total: number) => void;
};

export type BootstrapInterval = {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Resamples that gave an estimate. */
  readonly replicates: number;
  /** Resamples where the propensity model could not be fitted or an arm was empty. */
  readonly failed: number;
};

function weightedDifference(
  outcome: readonly number[],
  treated: readonly boolean[],
  covariates: Covariates,
  options: WeightOptions,
): number {
  const { scores } = propensityScores(treated, covariates);
  const weights = inverseProbabilityWeights(treated, scores, options);
  const one = arm(outcome, treated, weights, true);
  const zero = arm(outcome, treated, weights, false);
  return one.mean - zero.mean;
}

/**
 * Percentile bootstrap for the weighted difference in means (a 0/1 outcome gives the risk
 * difference): resample patients, refit the propensity model, reweight, re-estimate.
 * Deterministic for a given seed.
 */
export function bootstrapWeightedDifference(
  outcome: readonly number[],
  treated: readonly boolean[],
  covariates: Covariates,
  options: BootstrapOptions,
): BootstrapInterval {
  const level = options.level ?? 0.95;
  checkLevel(level);
  const replicates = options.replicates ?? 1000;
  if (!Number.isInteger(replicates) || replicates < 10)
    throw badRequest("replicates must be a whole number ≥ 10", "replicates");
  const estimate = weightedDifference(outcome, treated, covariates, options);
  const random = seededRandom(options.seed);
  const n = outcome.length;
  const names = Object.keys(covariates);
  const estimates: number[] = [];
  let failed = 0;
  for (let r = 0; r < replicates; r++) {
    const rows = Array.from({ length: n }, () => random.below(n));
    const sample: Record<string, number[]> = {};
    for (const name of names)
      sample[name] = rows.map((i) => (covariates[name] as readonly number[])[i] as number);
    try {
      const value = weightedDifference(
        rows.map((i) => outcome[i] as number),
        rows.map((i) => treated[i] as boolean),
        sample,
        options,
      );
      if (Number.isFinite(value)) estimates.push(value);
      else failed += 1;
    } catch (error) {
      // A resample can lack an arm or make a covariate constant; anything else is a bug.
      if (!isEvidentError(error)) throw error;
      failed += 1;
    }
    options.onProgress?.(r + 1, replicates);
  }
  if (estimates.length === 0) throw badRequest("no bootstrap resample could be analysed", "covariates");
  const alpha = (1 - level) / 2;
  return {
    estimate,
    lower: quantile(estimates, alpha),
    upper: quantile(estimates, 1 - alpha),
    replicates: estimates.length,
    failed,
  };
}

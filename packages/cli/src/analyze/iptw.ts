/**
 * `evident analyze iptw`: treated vs untreated, adjusted by stabilised inverse-probability-of-
 * treatment weights from a logistic propensity model (Hernán & Robins, "What If", ch. 12). It
 * reports what a reader needs to judge the adjustment, not only the effect: the weights (how
 * extreme; effective sample size, Kish), covariate balance before and after (SMD, Austin 2009),
 * the weighted effect with a robust (HC0 sandwich) interval, optionally a bootstrap interval that
 * refits the propensity model, and the E-value for unmeasured confounding (VanderWeele & Ding
 * 2017). All estimation is in @evident/domain/stats, each piece checked against R there.
 */
import {
  bootstrapWeightedDifference,
  type Covariates,
  eValueForRiskRatio,
  eValueForStandardizedDifference,
  inverseProbabilityWeights,
  propensityScores,
  quantile,
  standardizedMeanDifferences,
  weightedMeanDifference,
  weightedResponderEffect,
} from "@evident/domain/stats";
import { progressBar } from "../progress";
import { numbers, problem, requireRows, zeroOne } from "./columns";
import { COVARIATES_HELP, readCovariates } from "./covariates";
import {
  between,
  confidenceLevel,
  given,
  LEVEL_HELP,
  readTable,
  type Subcommand,
  wholeNumber,
} from "./options";

const help = `Usage: evident analyze iptw --input FILE --treatment COL --outcome COL --covariates A,B
                           [--trim P] [--bootstrap N [--seed S]] [--level L]

Compares treated with untreated patients (e.g. injection vs conventional care) after weighting
each patient by the inverse probability of the treatment they got, given the covariates
(stabilised weights from a logistic propensity model). Weighting can only balance what was
measured: read the E-value before believing the effect.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --treatment COL   1 = treated, 0 = comparison; each arm needs at least 2 rows
  --outcome COL     a number (e.g. change in ODI: mean difference) or 0/1 (e.g. responder:
                    risk difference and risk ratio); a column of only 0s and 1s is taken as 0/1
${COVARIATES_HELP}
  --trim P          cap weights at the P-th and (100 − P)-th percentiles of all weights, e.g.
                    --trim 1 for the 1st and 99th (Cole & Hernán 2008); nobody is dropped
  --bootstrap N     also a percentile bootstrap interval from N resamples (N ≥ 10), refitting
                    the propensity model each time, so it includes that model's uncertainty
  --seed S          the bootstrap's random seed (default 1); the same data and seed give the
                    same interval
${LEVEL_HELP}

Output:
  {"n": rows, "level": L,
   "propensity": {"coefficients": [{"name", "beta", "se", "p"}, …], "converged": true,
                  "range": {"treated": [min, max], "untreated": [min, max]}},
   "weights": {"stabilised": true, "trimmed": false, "trimPercentile": P or null,
               "limits": [low, high] (the caps) or null,
               "treated": {"n", "min", "max", "mean", "effectiveSampleSize"}, "untreated": {…}},
   "balance": [{"name": covariate, "before": SMD unweighted, "after": SMD weighted}, …],
   "effect": a number outcome:
               {"type": "continuous", "treatedMean", "untreatedMean",
                "difference": {"estimate", "se", "lower", "upper"} (treated − untreated),
                "standardized": {"estimate", "lower", "upper"} (difference / pooled SD)}
             a 0/1 outcome:
               {"type": "binary", "treatedRisk", "untreatedRisk",
                "riskDifference": {"estimate", "se", "lower", "upper"},
                "riskRatio": {"estimate", "lower", "upper"} or null if an arm has no events},
   "eValue": {"estimate", "limit"} (for the risk ratio, or for the standardized difference via
             RR ≈ exp(0.91·d); "limit" is for the interval's end nearest no effect; 1 when the
             interval includes no effect) or null,
   "bootstrap": {"estimate", "lower", "upper", "replicates", "failed", "seed"} or null}

SMD = (weighted mean treated − weighted mean untreated) / unweighted pooled SD; |SMD| < 0.1 is
the usual mark of balance. The effective sample size is (Σw)²/Σw² per arm (Kish). Intervals
are Wald intervals with the HC0 sandwich, which treats the weights as known (conservative for
IPTW); the bootstrap does not.

Matches R: glm(treatment ~ A + B, binomial) for the propensity model; lm(outcome ~ treatment,
weights = w) and glm(outcome ~ treatment, quasipoisson(link = "log"), weights = w) with
sandwich::vcovHC(type = "HC0"); quantile(type = 7) for the trimming caps.`;

type Arm = { n: number; min: number; max: number; mean: number; effectiveSampleSize: number };

function summarise(weights: readonly number[], treated: readonly boolean[], which: boolean): Arm {
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let squares = 0;
  weights.forEach((w, i) => {
    if (treated[i] !== which) return;
    n += 1;
    min = Math.min(min, w);
    max = Math.max(max, w);
    sum += w;
    squares += w * w;
  });
  return { n, min, max, mean: sum / n, effectiveSampleSize: (sum * sum) / squares };
}

function range(values: readonly number[], treated: readonly boolean[], which: boolean): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  values.forEach((v, i) => {
    if (treated[i] !== which) return;
    min = Math.min(min, v);
    max = Math.max(max, v);
  });
  return [min, max];
}

function effect(
  outcome: readonly number[],
  treated: readonly boolean[],
  weights: readonly number[],
  level: number,
) {
  const binary = outcome.every((y) => y === 0 || y === 1);
  if (binary) {
    const e = weightedResponderEffect(
      outcome.map((y) => y === 1),
      treated,
      weights,
      level,
    );
    return {
      effect: {
        type: "binary",
        treatedRisk: e.treatedRisk,
        untreatedRisk: e.untreatedRisk,
        riskDifference: e.riskDifference,
        riskRatio: e.riskRatio,
      },
      eValue: e.riskRatio === null ? null : eValueForRiskRatio(e.riskRatio.estimate, e.riskRatio),
    };
  }
  const e = weightedMeanDifference(outcome, treated, weights, level);
  return {
    effect: {
      type: "continuous",
      treatedMean: e.treatedMean,
      untreatedMean: e.untreatedMean,
      difference: e.difference,
      standardized: e.standardized,
    },
    eValue: eValueForStandardizedDifference(e.standardized.estimate, e.standardized),
  };
}

function bootstrap(
  outcome: readonly number[],
  treated: readonly boolean[],
  covariates: Covariates,
  truncate: { lower: number; upper: number } | undefined,
  level: number,
  replicates: number,
  seed: number,
) {
  const bar = progressBar("bootstrap resamples");
  const b = bootstrapWeightedDifference(outcome, treated, covariates, {
    replicates,
    seed,
    level,
    truncate,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.done();
  return {
    estimate: b.estimate,
    lower: b.lower,
    upper: b.upper,
    replicates: b.replicates,
    failed: b.failed,
    seed,
  };
}

export const iptw: Subcommand = {
  summary: "treated vs untreated with propensity weights: balance, effect, E-value",
  help,
  options: ["input", "treatment", "outcome", "covariates", "trim", "bootstrap", "seed", "level"],
  required: ["input", "treatment", "outcome", "covariates"],
  paths: {
    treated: "--treatment",
    outcome: "--outcome",
    covariates: "--covariates",
    replicates: "--bootstrap",
    level: "--level",
  },
  run(options) {
    const level = confidenceLevel(options);
    const trim = options.trim === undefined ? null : between(options, "trim", 0, 50, 0);
    const replicates = options.bootstrap === undefined ? null : wholeNumber(options, "bootstrap", 10);
    if (replicates === null && options.seed !== undefined) {
      throw problem("--seed", "--seed is only used with --bootstrap");
    }
    const seed = options.seed === undefined ? 1 : wholeNumber(options, "seed");
    if (seed > 0xffffffff) throw problem("--seed", `--seed must be at most ${0xffffffff}`);

    const table = readTable(given(options, "input"));
    const treated = zeroOne(table, given(options, "treatment"), "--treatment").map((t) => t === 1);
    const outcome = numbers(table, given(options, "outcome"), "--outcome");
    const covariates = readCovariates(table, given(options, "covariates"));
    const nTreated = treated.filter(Boolean).length;
    requireRows(nTreated, 2, "each arm (treated rows)");
    requireRows(treated.length - nTreated, 2, "each arm (untreated rows)");
    requireRows(treated.length, Object.keys(covariates).length + 2, "this propensity model");

    const { scores, model } = propensityScores(treated, covariates);
    const truncate = trim === null ? undefined : { lower: trim / 100, upper: 1 - trim / 100 };
    const stabilised = inverseProbabilityWeights(treated, scores);
    const weights =
      truncate === undefined ? stabilised : inverseProbabilityWeights(treated, scores, { truncate });
    return {
      n: treated.length,
      level,
      propensity: {
        coefficients: model.coefficients.map((c) => ({ name: c.name, beta: c.estimate, se: c.se, p: c.p })),
        converged: model.converged,
        range: { treated: range(scores, treated, true), untreated: range(scores, treated, false) },
      },
      weights: {
        stabilised: true,
        trimmed: truncate !== undefined,
        trimPercentile: trim,
        limits:
          truncate === undefined
            ? null
            : [quantile(stabilised, truncate.lower), quantile(stabilised, truncate.upper)],
        treated: summarise(weights, treated, true),
        untreated: summarise(weights, treated, false),
      },
      balance: standardizedMeanDifferences(treated, covariates, weights),
      ...effect(outcome, treated, weights, level),
      bootstrap:
        replicates === null
          ? null
          : bootstrap(outcome, treated, covariates, truncate, level, replicates, seed),
    };
  },
};

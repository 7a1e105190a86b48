/**
 * Logistic regression by iteratively reweighted least squares, step for step as R's
 * glm.fit(family = binomial()): the same starting values (μ = (y + ½)/2), the same logit clamping
 * at |η| = 30, the same convergence rule |dev − dev_old|/(|dev| + 0.1) < 1e-8, and standard errors
 * from the weights of the last least-squares solve, as summary.glm takes them. Copying the
 * algorithm rather than just reaching the same optimum is what makes the standard errors agree
 * with R's to many digits, not just to the convergence tolerance. Intervals are Wald intervals
 * (R's confint.default).
 */

import { badRequest } from "../errors";
import { type Coefficient, type Covariates, checkBinary, designMatrix } from "./design";
import { normalQuantile, normalTails } from "./distributions";
import { leastSquares } from "./linear-algebra";
import { checkLevel } from "./proportions";

export type LogisticFit = {
  readonly n: number;
  readonly coefficients: Coefficient[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Fitted probabilities. */
  readonly fitted: number[];
};

const THRESH = 30;
const INVEPS = 1 / Number.EPSILON;

// R's C_logit_linkinv and C_logit_mu_eta.
function inverseLogit(eta: number): number {
  const t = eta < -THRESH ? Number.EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}
function logitDerivative(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < -THRESH ? Number.EPSILON : Math.exp(eta) / (opexp * opexp);
}

function binomialDeviance(y: readonly number[], mu: readonly number[]): number {
  let dev = 0;
  y.forEach((yi, i) => {
    const m = mu[i] as number;
    dev += 2 * (yi === 1 ? -Math.log(m) : -Math.log(1 - m));
  });
  return dev;
}

export function logisticRegression(y: readonly number[], covariates: Covariates, level = 0.95): LogisticFit {
  checkLevel(level);
  checkBinary(y, "y");
  const n = y.length;
  const { names, rows } = designMatrix(covariates, n, true);
  const linearPredictor = (beta: readonly number[]) =>
    rows.map((row) => row.reduce((s, v, j) => s + v * (beta[j] as number), 0));

  let eta = y.map((yi) => Math.log((yi + 0.5) / 2 / (1 - (yi + 0.5) / 2)));
  let mu = eta.map(inverseLogit);
  let devOld = binomialDeviance(y, mu);
  let dev = devOld;
  let beta: number[] = [];
  let unscaled: number[][] = [];
  let converged = false;
  let iterations = 0;
  for (iterations = 1; iterations <= 25; iterations++) {
    const muEta = eta.map(logitDerivative);
    const w = mu.map((m, i) => Math.sqrt((muEta[i] as number) ** 2 / (m * (1 - m))));
    const z = eta.map((e, i) => e + ((y[i] as number) - (mu[i] as number)) / (muEta[i] as number));
    const fit = leastSquares(
      rows.map((row, i) => row.map((v) => v * (w[i] as number))),
      z.map((zi, i) => zi * (w[i] as number)),
      names,
    );
    beta = fit.coefficients;
    unscaled = fit.unscaledCovariance;
    eta = linearPredictor(beta);
    mu = eta.map(inverseLogit);
    dev = binomialDeviance(y, mu);
    if (!Number.isFinite(dev))
      throw badRequest("the model cannot be fitted (deviance is not finite)", "covariates");
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
      converged = true;
      break;
    }
    devOld = dev;
  }
  iterations = Math.min(iterations, 25);

  const z = normalQuantile((1 + level) / 2);
  const coefficients = names.map((name, j) => {
    const estimate = beta[j] as number;
    const se = Math.sqrt((unscaled[j] as number[])[j] as number);
    const statistic = estimate / se;
    return {
      name,
      estimate,
      se,
      statistic,
      p: 2 * normalTails(-Math.abs(statistic)).lower,
      lower: estimate - z * se,
      upper: estimate + z * se,
    };
  });
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const nullDeviance = binomialDeviance(
    y,
    y.map(() => yMean),
  );
  return {
    n,
    coefficients,
    deviance: dev,
    nullDeviance,
    aic: dev + 2 * names.length,
    iterations,
    converged,
    fitted: mu,
  };
}

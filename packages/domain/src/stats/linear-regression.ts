/**
 * Ordinary least squares with an intercept, as R's summary(lm(y ~ ...)) and confint(): standard
 * errors from σ̂²(XᵀX)⁻¹ with σ̂² = RSS/(n − p), t statistics on n − p degrees of freedom.
 */

import { badRequest } from "../errors";
import { type Coefficient, type Covariates, designMatrix } from "./design";
import { studentTQuantile, studentTTails } from "./distributions";
import { leastSquares } from "./linear-algebra";
import { checkLevel } from "./proportions";

export type LinearFit = {
  readonly n: number;
  readonly coefficients: Coefficient[];
  /** Residual standard error σ̂. */
  readonly sigma: number;
  readonly dfResidual: number;
  readonly rSquared: number;
  readonly fitted: number[];
};

export function linearRegression(y: readonly number[], covariates: Covariates, level = 0.95): LinearFit {
  checkLevel(level);
  if (y.some((v) => !Number.isFinite(v))) throw badRequest("values must be finite numbers", "y");
  const n = y.length;
  const { names, rows } = designMatrix(covariates, n, true);
  const { coefficients: beta, unscaledCovariance, residuals } = leastSquares(rows, y, names);
  const df = n - names.length;
  const rss = residuals.reduce((s, r) => s + r * r, 0);
  const sigma = Math.sqrt(rss / df);
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - yMean) ** 2, 0);
  const tCrit = studentTQuantile((1 + level) / 2, df);
  const coefficients = names.map((name, j) => {
    const estimate = beta[j] as number;
    const se = sigma * Math.sqrt((unscaledCovariance[j] as number[])[j] as number);
    const statistic = estimate / se;
    return {
      name,
      estimate,
      se,
      statistic,
      p: 2 * studentTTails(-Math.abs(statistic), df).lower,
      lower: estimate - tCrit * se,
      upper: estimate + tCrit * se,
    };
  });
  return {
    n,
    coefficients,
    sigma,
    dfResidual: df,
    rSquared: 1 - rss / tss,
    fitted: y.map((v, i) => v - (residuals[i] as number)),
  };
}

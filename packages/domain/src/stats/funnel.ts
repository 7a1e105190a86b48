/**
 * Funnel plot of institutional performance for a 0/1 outcome, indirectly standardised
 * (Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Statistics in
 * Medicine 2005;24:1185–1202):
 *
 * 1. a logistic regression of the outcome on the covariates, fitted on every unit's patients
 *    pooled (./logistic-regression, R's glm(family = binomial()) step for step);
 * 2. per unit: observed O = Σ y, expected E = Σ p̂ over its patients, ratio O ÷ E;
 * 3. control limits around 1 from the normal approximation, 1 ± z·√V ÷ E with V = Σ p̂(1 − p̂)
 *    over the unit's patients, at z = 1.959964 (95%) and 3.090232 (99.8%, "3 sigma").
 *
 * The limits are the normal approximation, not exact binomial limits: for a unit with a small E
 * they are too narrow below and too wide above, which is why callers plot only units with enough
 * patients. The lower limit is returned as computed, even when it is below 0 (a chart clips it).
 * Units come in the order they first appear in the rows.
 */

import { badRequest } from "../errors";
import type { Covariates } from "./design";
import { type LogisticFit, logisticRegression } from "./logistic-regression";

export const FUNNEL_Z95 = 1.959964;
export const FUNNEL_Z998 = 3.090232;

export type FunnelUnit = {
  readonly name: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
  /** Observed ÷ expected (indirectly standardised ratio). */
  readonly ratio: number;
  /** Σ p̂(1 − p̂): the variance of the observed count if the model holds. */
  readonly variance: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
  readonly outside95: boolean;
  readonly outside998: boolean;
};

export type FunnelResult = {
  readonly model: LogisticFit;
  readonly units: FunnelUnit[];
};

/** The limits 1 ± z·√V ÷ E around a ratio of 1, for an expected count E and variance V. */
export function funnelLimits(
  expected: number,
  variance: number,
  z: number,
): { lower: number; upper: number } {
  const half = (z * Math.sqrt(variance)) / expected;
  return { lower: 1 - half, upper: 1 + half };
}

/**
 * `units[i]` names the unit (clinic) of row i, `outcome[i]` is 0/1, and `covariates` the risk
 * model's numeric columns (as logisticRegression takes them).
 */
export function funnelPlot(
  units: readonly string[],
  outcome: readonly number[],
  covariates: Covariates,
): FunnelResult {
  if (units.length !== outcome.length)
    throw badRequest(`units has ${units.length} values, expected ${outcome.length}`, "units");
  if (outcome.length === 0) throw badRequest("no rows to analyse", "y");
  const model = logisticRegression(outcome, covariates);
  const sums = new Map<string, { n: number; observed: number; expected: number; variance: number }>();
  units.forEach((name, i) => {
    const p = model.fitted[i] as number;
    const s = sums.get(name) ?? { n: 0, observed: 0, expected: 0, variance: 0 };
    s.n += 1;
    s.observed += outcome[i] as number;
    s.expected += p;
    s.variance += p * (1 - p);
    sums.set(name, s);
  });
  return {
    model,
    units: [...sums.entries()].map(([name, s]) => {
      const ratio = s.observed / s.expected;
      const l95 = funnelLimits(s.expected, s.variance, FUNNEL_Z95);
      const l998 = funnelLimits(s.expected, s.variance, FUNNEL_Z998);
      return {
        name,
        ...s,
        ratio,
        lower95: l95.lower,
        upper95: l95.upper,
        lower998: l998.lower,
        upper998: l998.upper,
        outside95: ratio < l95.lower || ratio > l95.upper,
        outside998: ratio < l998.lower || ratio > l998.upper,
      };
    }),
  };
}

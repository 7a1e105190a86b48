/**
 * E-values (VanderWeele & Ding, "Sensitivity analysis in observational research: introducing the
 * E-value", Ann Intern Med 2017;167:268–274): the minimum strength of association, on the risk
 * ratio scale, that an unmeasured confounder would need with both treatment and outcome to
 * explain away an observed association. For the confidence limit nearest the null, it says how
 * strong confounding must be to make the interval include no effect.
 *
 * For risk ratios: E = RR + √(RR(RR − 1)) for RR ≥ 1; a protective RR is inverted first.
 * For a standardized mean difference d (difference / SD of the outcome) the paper's
 * approximation RR ≈ exp(0.91·d) is applied to the estimate and to each confidence limit (the
 * paper writes the limits as exp(0.91·d ± 1.78·SE); passing d ± 1.96·SE gives the same up to the
 * paper's rounding of 0.91 × 1.96).
 */

import { badRequest } from "../errors";

export type EValue = {
  /** E-value for the point estimate. */
  readonly estimate: number;
  /** E-value for the confidence limit closest to 1 (1 when the interval includes 1); null if no interval given. */
  readonly limit: number | null;
};

function eValueOfRatio(rr: number): number {
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}

/** E-value for a risk ratio and, optionally, its confidence interval. */
export function eValueForRiskRatio(
  riskRatio: number,
  interval?: { readonly lower: number; readonly upper: number },
): EValue {
  if (!(riskRatio > 0) || !Number.isFinite(riskRatio))
    throw badRequest("risk ratio must be positive", "riskRatio");
  if (interval === undefined) return { estimate: eValueOfRatio(riskRatio), limit: null };
  const { lower, upper } = interval;
  if (!(lower > 0 && lower <= riskRatio && riskRatio <= upper)) {
    throw badRequest("interval must be positive and contain the estimate", "interval");
  }
  let limit: number;
  if (lower <= 1 && upper >= 1) limit = 1;
  else limit = eValueOfRatio(riskRatio > 1 ? lower : upper);
  return { estimate: eValueOfRatio(riskRatio), limit };
}

/** E-value for a standardized mean difference (outcome SD units) and, optionally, its interval. */
export function eValueForStandardizedDifference(
  difference: number,
  interval?: { readonly lower: number; readonly upper: number },
): EValue {
  if (!Number.isFinite(difference)) throw badRequest("difference must be a finite number", "difference");
  const toRatio = (d: number) => Math.exp(0.91 * d);
  return eValueForRiskRatio(
    toRatio(difference),
    interval === undefined ? undefined : { lower: toRatio(interval.lower), upper: toRatio(interval.upper) },
  );
}

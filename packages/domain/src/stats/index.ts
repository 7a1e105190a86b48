/**
 * Outcome statistics: pure functions, each checked against R (stats, survival, sandwich) by the
 * fixtures in ./fixtures. See each module's opening note for its method and source.
 */

export * from "./change-scores";
export * from "./cox";
export type { Coefficient, Covariates } from "./design";
export { INTERCEPT } from "./design";
export * from "./distributions";
export * from "./e-value";
export * from "./follow-up";
export * from "./funnel";
export type { Tails } from "./incomplete-functions";
export { incompleteBeta, incompleteGamma } from "./incomplete-functions";
export * from "./kaplan-meier";
export * from "./linear-regression";
export * from "./log-rank";
export * from "./logistic-regression";
export * from "./median-interval";
export type { ProportionInterval } from "./proportions";
export { clopperPearsonInterval, ruleOfThree, wilsonInterval } from "./proportions";
export type { Random } from "./random";
export { seededRandom } from "./random";
export { logBeta, logGamma } from "./special-functions";
export type { SurvivalData } from "./survival-data";
export * from "./survival-quantiles";
export * from "./weighted-effects";
export * from "./weighting";

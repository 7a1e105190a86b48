/** The adjusted comparison of two treatments: effect with interval, arms, balance. */
import { z } from "zod";
import { TruncationChoice } from "./outcomes-query";
import { CohortCaption, Completeness, dataAsOf, FunnelStep, MissingRange } from "./outcomes-shared";

export const Effect = z.object({
  estimate: z.number(),
  se: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type Effect = z.infer<typeof Effect>;

const EValue = z.object({ estimate: z.number(), limit: z.number().nullable() });

export const ComparisonArm = z.object({
  treatmentKind: z.string(),
  /** Patients analysed. */
  n: z.number().int(),
  /** Kish's effective sample size after weighting: (Σw)² / Σw². */
  effectiveN: z.number(),
  meanChange: z.number(),
  weightedMeanChange: z.number(),
  responders: z.number().int(),
  responderShare: z.number(),
  /** The unweighted share if none of the eligible patients due without an analysed answer responded, and if all did. */
  responderRange: MissingRange,
  weightedResponderShare: z.number(),
  funnel: z.array(FunnelStep),
  completeness: Completeness,
});
export type ComparisonArm = z.infer<typeof ComparisonArm>;

export const BalanceRow = z.object({
  covariate: z.string(),
  label: z.string(),
  /** Unweighted means (a share for yes/no covariates) in each arm. */
  treatmentMean: z.number(),
  comparatorMean: z.number(),
  /** Standardized mean difference, treatment − comparator, before and after weighting. */
  before: z.number(),
  after: z.number(),
});
export type BalanceRow = z.infer<typeof BalanceRow>;

export const ComparisonReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  treatment: z.string(),
  comparator: z.string(),
  instrument: z.string(),
  timepoint: z.string(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  responderRule: z.string(),
  population: z.string(),
  minimumPerArm: z.number().int(),
  weights: z.object({
    method: z.string(),
    truncate: TruncationChoice,
    min: z.number(),
    max: z.number(),
  }),
  arms: z.tuple([ComparisonArm, ComparisonArm]),
  balance: z.array(BalanceRow),
  meanDifference: z.object({
    unadjusted: Effect,
    adjusted: Effect,
    /** The adjusted difference in outcome SD units, with its limits. */
    standardized: z.object({ estimate: z.number(), lower: z.number(), upper: z.number() }),
    eValue: EValue,
  }),
  responderDifference: z.object({
    unadjusted: Effect,
    adjusted: Effect,
    riskRatio: z.object({ estimate: z.number(), lower: z.number(), upper: z.number() }).nullable(),
    eValue: EValue.nullable(),
  }),
  notes: z.array(z.string()),
});
export type ComparisonReport = z.infer<typeof ComparisonReport>;

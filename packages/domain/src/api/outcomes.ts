/**
 * Response and query shapes of the outcomes API: the report (change and responders per treatment
 * and timepoint), the distribution of change, surgery-free survival and the adjusted comparison of
 * two treatments. Only aggregates: no shape here can carry a patient row or identifier, and every
 * estimate comes with the n it was computed from.
 */
import { z } from "zod";
import { treatmentKindIds } from "../catalogue/treatments";
import { uncomparableMeasure } from "../outcomes/comparison";
import { outcomeMeasures } from "../outcomes/measures";
import { defaultInstruments, timepoints } from "../pathway/schedule";
import { CohortQuery } from "./cohort-query";

const Interval = z.tuple([z.number(), z.number()]).nullable();

/** Follow-up completeness: of the follow-ups whose window has closed, how many were answered. */
export const Completeness = z.object({
  /** Follow-ups whose window has closed (answered or missed; cancelled ones are not counted). */
  closed: z.number().int(),
  responded: z.number().int(),
  share: z.number().nullable(),
  shareCI: Interval,
});
export type Completeness = z.infer<typeof Completeness>;

/**
 * How far the patients without a before-and-after answer could move a responder share: `lower`
 * if none of the `missing` responded, `upper` if all did, both over the `due` follow-ups
 * (outcomes/missing-data.ts).
 */
export const MissingRange = z.object({
  due: z.number().int(),
  missing: z.number().int(),
  lower: z.number(),
  upper: z.number(),
});
export type MissingRange = z.infer<typeof MissingRange>;

/** Patients whose ordinal measure moved one way, with their share of n and its Wilson interval. */
export const ShiftShare = z.object({
  count: z.number().int(),
  share: z.number(),
  shareCI: z.tuple([z.number(), z.number()]),
});
export type ShiftShare = z.infer<typeof ShiftShare>;

export const MeasureSummary = z.object({
  instrument: z.string(),
  /** Patients with both a baseline and this timepoint (a category measure such as PGIC: those who answered). */
  n: z.number().int(),
  /** Follow-ups answered with this instrument, with or without a baseline. */
  answered: z.number().int(),
  /** True when n is below the small-cell minimum: the estimates are withheld (null). */
  suppressed: z.boolean(),
  baselineMean: z.number().nullable(),
  followUpMean: z.number().nullable(),
  /** Follow-up minus baseline: negative means improvement for pain and disability. */
  meanChange: z.number().nullable(),
  meanChangeCI: Interval,
  responders: z.number().int().nullable(),
  responderShare: z.number().nullable(),
  responderShareCI: Interval,
  /** The responder share if every missing patient had not responded, and if every one had; null when suppressed. */
  responderRange: MissingRange.nullable(),
  responderRule: z.string(),
  /**
   * An ordinal measure only (a Pfirrmann grade, whose means would treat it as an interval scale):
   * patients worse, the same and better by at least one grade, each with its share of n and Wilson
   * interval; null when suppressed. Absent for every other measure.
   */
  shift: z.object({ worse: ShiftShare, same: ShiftShare, better: ShiftShare }).nullable().optional(),
});
export type MeasureSummary = z.infer<typeof MeasureSummary>;

export const OutcomeRow = z.object({
  treatmentKind: z.string(),
  timepoint: z.string(),
  /** Follow-ups whose window has opened. */
  due: z.number().int(),
  responded: z.number().int(),
  /** Due, window closed, no answer. */
  missed: z.number().int(),
  /** Due, window still open, no answer yet. */
  pending: z.number().int(),
  completeness: Completeness,
  measures: z.array(MeasureSummary),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

/**
 * The instant the figures are current to: when they were read, or, read from a replica that had not
 * caught up, the last change it had applied (the notes then say so).
 */
export const dataAsOf = z.string();

/** The cohort a filtered view was made from, as printed under its figures. */
export const CohortCaption = z.object({
  /** "Cohort 'X' v2: …" for a saved cohort; "Filtered: …" for filters given directly. */
  line: z.string(),
  /** The saved cohort's version id and number (null for filters given directly). */
  id: z.string().nullable(),
  version: z.number().int().nullable(),
  /**
   * What the filtered view left out whole because 1 to 10 patients were in it: report rows
   * (treatment × timepoint, by follow-ups due), distribution and survival groups (treatment
   * kinds); always 0 for the comparison and the benchmarks, which need 20 per arm or clinic anyway.
   */
  suppressedRows: z.number().int(),
});
export type CohortCaption = z.infer<typeof CohortCaption>;

export const OutcomesReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  /** Null in a filtered view whose cohort has 1 to 10 patients (not shown). */
  patients: z.number().int().nullable(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  /** No estimate is given from fewer patients than this (outcomes/small-cells.ts). */
  minimumCell: z.number().int(),
  rows: z.array(OutcomeRow),
  notes: z.array(z.string()),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;

// ---- Query parameters ------------------------------------------------------------------------

const timepointIdList = timepoints.map((t) => t.id) as [string, ...string[]];
const instrumentIdList = [...defaultInstruments] as [string, ...string[]];
const oneOf = (ids: readonly string[]) => ({ error: `must be one of: ${ids.join(", ")}` });

export const outcomeInstrument = z.enum(instrumentIdList, oneOf(instrumentIdList));
/** The measures with a change from baseline (domain/outcomes/measures): what a distribution or comparison is drawn for. */
export const changeMeasureIds = outcomeMeasures.filter((m) => m.analysis === "change").map((m) => m.id) as [
  string,
  ...string[],
];
/** Query parameter `instrument` (its public name) of the distribution and the comparison: any change measure. */
export const changeMeasure = z
  .enum(changeMeasureIds, oneOf(changeMeasureIds))
  .describe(
    "An outcome measure with a change from baseline: an instrument's score (odi, nrs_back, nrs_leg, rmdq, peg, eq5d5l) or a sub-score (promis29.pain_interference, eq5d5l.index_us, …).",
  );
export const outcomeTimepoint = z.enum(timepointIdList, oneOf(timepointIdList));
export const outcomeTreatment = z.enum(treatmentKindIds, oneOf(treatmentKindIds));

const measureIdList = outcomeMeasures.map((m) => m.id);

/** A comma-separated list of outcome measure ids (domain/outcomes/measures); absent: back pain and ODI. */
export const OutcomesReportQuery = CohortQuery.extend({
  measures: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const ids = value.split(",");
      for (const id of ids)
        if (!measureIdList.includes(id))
          ctx.addIssue({ code: "custom", message: `"${id}" ${oneOf(measureIdList).error}` });
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: "custom", message: "names a measure twice" });
    })
    .describe(
      `Comma-separated outcome measures, in the order wanted (e.g. nrs_back,odi,promis29.pain_interference,eq5d5l.index_us,pgic); default ${defaultInstruments.join(",")}.`,
    ),
});
export type OutcomesReportQuery = z.infer<typeof OutcomesReportQuery>;

/** The measures a report query asks for, in its order. */
export const reportMeasures = (q: OutcomesReportQuery): readonly string[] =>
  q.measures === undefined ? defaultInstruments : q.measures.split(",");

export const DistributionQuery = CohortQuery.extend({
  instrument: changeMeasure.default("odi"),
  timepoint: outcomeTimepoint.default("12m"),
});
export type DistributionQuery = z.infer<typeof DistributionQuery>;

export const TruncationChoice = z.enum(["none", "p1-p99", "p5-p95"], oneOf(["none", "p1-p99", "p5-p95"]));
export type TruncationChoice = z.infer<typeof TruncationChoice>;

export const ComparisonQuery = CohortQuery.extend({
  treatment: outcomeTreatment,
  comparator: outcomeTreatment,
  instrument: changeMeasure.default("odi"),
  timepoint: outcomeTimepoint.default("12m"),
  truncate: TruncationChoice.default("p1-p99"),
}).superRefine((q, ctx) => {
  if (q.treatment === q.comparator)
    ctx.addIssue({ code: "custom", path: ["comparator"], message: "must differ from the treatment" });
  const uncomparable = uncomparableMeasure(q.instrument);
  if (uncomparable) ctx.addIssue({ code: "custom", path: ["instrument"], message: uncomparable });
});
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

/** Surgery-free survival takes only a cohort. */
export const SurvivalQuery = CohortQuery;
export type SurvivalQuery = CohortQuery;

// ---- Shared pieces ---------------------------------------------------------------------------

/** One step of an attrition funnel: how many remain after it. */
export const FunnelStep = z.object({ step: z.string(), label: z.string(), n: z.number().int() });
export type FunnelStep = z.infer<typeof FunnelStep>;

export const Proportion = z.object({
  count: z.number().int().nullable(),
  n: z.number().int(),
  share: z.number().nullable(),
  ci: Interval,
});
export type Proportion = z.infer<typeof Proportion>;

// ---- Distribution of change ------------------------------------------------------------------

export const ChangeDistribution = z.object({
  treatmentKind: z.string(),
  n: z.number().int(),
  suppressed: z.boolean(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Type-7 quantiles (R's default) of the change; null when suppressed. */
  quantiles: z
    .object({ p10: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p90: z.number() })
    .nullable(),
  /**
   * Share of patients whose change is at most `change`, at points of a fixed grid where it rose by
   * at least `minimumCell` patients (smaller steps merged), from below the scale's lowest change
   * (share 0) to its highest (share 1); empty when suppressed.
   */
  ecdf: z.array(z.object({ change: z.number(), share: z.number() })),
  improved: Proportion,
  /** The improved share if every missing patient had not improved, and if every one had; null when suppressed. */
  improvedRange: MissingRange.nullable(),
  worsened: Proportion,
  funnel: z.array(FunnelStep),
  completeness: Completeness,
});
export type ChangeDistribution = z.infer<typeof ChangeDistribution>;

export const DistributionReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  instrument: z.string(),
  timepoint: z.string(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  improvedRule: z.string(),
  worsenedRule: z.string(),
  minimumCell: z.number().int(),
  groups: z.array(ChangeDistribution),
  notes: z.array(z.string()),
});
export type DistributionReport = z.infer<typeof DistributionReport>;

// ---- Surgery-free survival -------------------------------------------------------------------

export const SurvivalPoint = z.object({
  day: z.number(),
  survival: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  atRisk: z.number().int(),
  events: z.number().int(),
});
export type SurvivalPoint = z.infer<typeof SurvivalPoint>;

const MedianDays = z.object({
  estimate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

export const SurvivalGroup = z.object({
  treatmentKind: z.string(),
  n: z.number().int(),
  events: z.number().int(),
  censored: z.number().int(),
  suppressed: z.boolean(),
  /** The curve from day 0, one point per day with a surgery, ending where fewer than the minimum remain at risk. */
  curve: z.array(SurvivalPoint),
  /** Median time to surgery in days; estimate null = not reached. */
  median: MedianDays.nullable(),
  /** Surgery-free at 12 months, with its 95% interval; null when the curve does not reach 12 months. */
  at12Months: z
    .object({ survival: z.number(), lower: z.number().nullable(), upper: z.number().nullable() })
    .nullable(),
  /** Numbers still at risk (surgery-free and followed) at these months. */
  atRisk: z.array(z.object({ month: z.number().int(), n: z.number().int() })),
  /** Median follow-up in days (reverse Kaplan–Meier); null when suppressed or not reached. */
  medianFollowUpDays: z.number().nullable(),
});
export type SurvivalGroup = z.infer<typeof SurvivalGroup>;

export const SurvivalReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  definition: z.string(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  minimumCell: z.number().int(),
  funnel: z.array(FunnelStep),
  groups: z.array(SurvivalGroup),
  logRank: z
    .object({
      chiSquare: z.number(),
      df: z.number().int(),
      p: z.number(),
      groups: z.array(
        z.object({
          treatmentKind: z.string(),
          n: z.number().int(),
          observed: z.number(),
          expected: z.number(),
        }),
      ),
    })
    .nullable(),
  notes: z.array(z.string()),
});
export type SurvivalReport = z.infer<typeof SurvivalReport>;

// ---- Adjusted comparison ---------------------------------------------------------------------

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

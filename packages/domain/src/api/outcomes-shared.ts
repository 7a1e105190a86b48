/**
 * Pieces every outcomes view's response is made of: completeness, proportions and their intervals,
 * the missing-data range, a measure's summary row, the funnel, the cohort caption, "as of".
 */
import { z } from "zod";

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

/**
 * A clinic's public track record (GET /public/clinics/{slug}/track-record) and its publishing
 * state. Only aggregates, and every number in the document is a count of 0 or of at least 11
 * people: a count of 1 to 10, or one from which such a count could be worked out, is given as
 * null with the reason (`hidden`); estimates (changes, shares, ratios) are decimal strings, so
 * anyone — a reader or a test — can check each number in it against the small-cell rule.
 */
import { z } from "zod";
import { libraryCertainties } from "../library/types";

/** Why a count is not given: it is 1 to 10, or it is all but 1 to 10 of the figure beside it. */
export const HiddenReason = z.enum(["fewer-than-11", "all-but-fewer-than-11", "would-reveal-a-small-count"]);
export type HiddenReason = z.infer<typeof HiddenReason>;

export const SafeCount = z.object({
  n: z.number().int().nullable(),
  hidden: HiddenReason.nullable(),
});
export type SafeCount = z.infer<typeof SafeCount>;

/** An estimate with its 95% interval, as decimal strings ("-12.4", "-15.1", "-9.7"). */
export const Estimate = z.object({ value: z.string(), low: z.string(), high: z.string() });
export type Estimate = z.infer<typeof Estimate>;

export const TrackRecordMeasure = z.object({
  instrument: z.enum(["odi", "nrs_back"]),
  /** People with an answer at baseline and at this timepoint. */
  analysed: SafeCount,
  /** Follow-up minus baseline (negative: better), mean with its t interval. Null under 11 analysed. */
  meanChange: Estimate.nullable(),
  responders: SafeCount,
  /** Share of the analysed who improved by at least the measure's threshold, % with Wilson interval. */
  responderShare: Estimate.nullable(),
  responderRule: z.string(),
});
export type TrackRecordMeasure = z.infer<typeof TrackRecordMeasure>;

export const TrackRecordTimepoint = z.object({
  timepoint: z.string(),
  /** Follow-ups whose window has opened. */
  due: SafeCount,
  answered: SafeCount,
  measures: z.array(TrackRecordMeasure),
});

export const TrackRecordSide = z.object({
  treated: SafeCount,
  timepoints: z.array(TrackRecordTimepoint),
  /** Surgery within a year of the first treatment (non-surgical kinds): of those followed a year or operated. */
  surgeryWithinYear: z
    .object({ followed: SafeCount, operated: SafeCount, share: Estimate.nullable() })
    .nullable(),
  adverseEvents: z.object({ serious: SafeCount, notSerious: SafeCount }),
});
export type TrackRecordSide = z.infer<typeof TrackRecordSide>;

export const TrackRecordKind = z.object({
  treatmentKind: z.string(),
  label: z.string(),
  investigational: z.boolean(),
  clinic: TrackRecordSide,
  network: TrackRecordSide,
});
export type TrackRecordKind = z.infer<typeof TrackRecordKind>;

export const TrackRecordBenchmark = z.object({
  measure: z.enum(["odi", "nrs_back", "surgery"]),
  label: z.string(),
  definition: z.string(),
  /**
   * Where the clinic falls on the network's funnel: within the 95% limits, above or below them
   * (more or fewer of the outcome than its case mix predicts), or not placed (fewer than the
   * minimum analysed, or too few clinics to fit the model).
   */
  position: z.enum(["within", "above", "below", "not-placed"]),
  /** Observed ÷ expected and the clinic's own 95% limits, as decimal strings. */
  ratio: z.string().nullable(),
  limits95: z.tuple([z.string(), z.string()]).nullable(),
  /** The share with the outcome over the whole network, %. */
  networkRate: z.string().nullable(),
  higherIsBetter: z.boolean(),
});
export type TrackRecordBenchmark = z.infer<typeof TrackRecordBenchmark>;

/** A cited statement of what the figures cannot show, in both languages, with its certainty. */
export const TrackRecordCaveat = z.object({
  id: z.string(),
  en: z.string(),
  es: z.string(),
  sources: z.array(z.string()),
  certainty: z.enum(libraryCertainties),
});
export type TrackRecordCaveat = z.infer<typeof TrackRecordCaveat>;

export const TrackRecord = z.object({
  clinic: z.object({ name: z.string(), slug: z.string() }),
  /** The day the summaries were computed for, and when they were last refreshed. */
  asOf: z.string(),
  refreshedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  minimumCell: z.number().int(),
  kinds: z.array(TrackRecordKind),
  benchmarks: z.array(TrackRecordBenchmark),
  caveats: z.array(TrackRecordCaveat),
});
export type TrackRecord = z.infer<typeof TrackRecord>;

/** The admin's view: whether the page is published, its address, and what it shows now. */
export const TrackRecordPublishing = z.object({
  published: z.boolean(),
  slug: z.string().nullable(),
  publishedAt: z.string().nullable(),
  preview: TrackRecord,
});
export type TrackRecordPublishing = z.infer<typeof TrackRecordPublishing>;

export const TrackRecordPublishInput = z
  .object({ published: z.boolean({ error: "must be true or false" }) })
  .strict();
export type TrackRecordPublishInput = z.infer<typeof TrackRecordPublishInput>;

export const PublishedClinics = z.object({
  clinics: z.array(z.object({ name: z.string(), slug: z.string(), publishedAt: z.string().nullable() })),
});
export type PublishedClinics = z.infer<typeof PublishedClinics>;

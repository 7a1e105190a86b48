/**
 * The template every decision-aid option follows (IPDAS: the same layout for every option, so none
 * is presented better than another; domain reference §6.6). Fields marked "patient" are shown to
 * patients and are held to reading grade 8 by a test; numbers are natural frequencies out of 100
 * with their time frame and source, and only numbers the reference marks verified are used.
 */
import type { CitationKey } from "../citations";

/** GRADE wording for the certainty of evidence. */
export type GradeCertainty = "high" | "moderate" | "low" | "very low";

export const optionGroups = [
  "self-care",
  "exercise-and-therapy",
  "medicine",
  "injection",
  "surgery",
  "cell-therapy",
] as const;
export type OptionGroup = (typeof optionGroups)[number];

/** Rough cost band, always an estimate unless `cost.source` is given. */
export type CostBand = "none" | "low" | "moderate" | "high" | "very high";

/** When an effect, if any, usually shows. */
export type Speed = "hours-to-days" | "weeks" | "months" | "unknown";

/**
 * How a figure was made, which decides where it may be shown (IPDAS: compare like with like).
 * `sham-controlled` and `randomized` figures are fair comparisons and need both arms (a row for the
 * option and one for what it was compared with); `no-comparison` figures (a before-and-after
 * series) are never a glance number; `sham-arm` is the fake-treatment group of a sham-controlled
 * trial shown alone on purpose, as the improvement to expect from any shot (cell therapies' cards).
 */
export const studyDesigns = ["sham-controlled", "randomized", "no-comparison", "sham-arm"] as const;
export type StudyDesign = (typeof studyDesigns)[number];

/** One group of a study in an "out of 100" table. */
export type OutOf100Row = {
  /** patient */
  label: string;
  /** The treatment the card is about, or what it was compared with. */
  arm: "option" | "comparison";
  /** Out of 100; `countHigh` when the source gives a range. */
  count: number;
  countHigh?: number;
  /** People in this group at this time point, when the source gives it. */
  armSize?: number;
  /**
   * People with the outcome, when the source gives the count; with `armSize` it gives the 95%
   * range (Wilson). Without it the range is worked out from the share and marked so.
   */
  events?: number;
};

/** "Out of 100 people like you": one outcome, one time frame, the same denominator for every row. */
export type OutOf100 = {
  design: StudyDesign;
  /** patient: who the numbers are about (the reference class). */
  peopleLike: string;
  /** patient: when the outcome was measured. */
  timeFrame: string;
  /** patient: the outcome counted ("had their pain cut by half or more"); "did not" is its negation. */
  outcome: string;
  rows: readonly OutOf100Row[];
  /** The source gives rough shares ("about a third"), not counts or group sizes. */
  approximate?: boolean;
  /** patient: what to keep in mind (chance, no comparison group). */
  note: string;
  sources: readonly CitationKey[];
};

/**
 * A comparison the sources give as average scores, not as counts of people: both groups'
 * averages where the source gives them, or the difference between the groups, on a named scale.
 * Standardized scores (effect sizes without a scale) are not shown as numbers; see `noComparison`.
 */
export type AverageComparison = {
  design: "sham-controlled" | "randomized";
  /** patient: who was studied, and in how many trials. */
  peopleLike: string;
  /** patient: when it was measured. */
  timeFrame: string;
  /** patient: what was measured, with its scale ("back pain, on a scale of 0 to 100"). */
  measure: string;
  /** Each group, with its average when the source gives one. */
  rows: readonly { label: string; arm: "option" | "comparison"; armSize?: number; mean?: number }[];
  /** The option's average minus the comparison's, with the source's 95% interval where given. */
  difference?: { value: number; low?: number; high?: number };
  /** patient: the result in one sentence that names both groups (shown in the glance table). */
  summary: string;
  /** patient: what the difference means (too small to notice, chance, no lasting effect). */
  note: string;
  sources: readonly CitationKey[];
};

/** Why an option has no comparative figure in the glance table. */
export const noComparisonReasons = ["no-comparison-group", "standard-score-only", "no-figure"] as const;
export type NoComparisonReason = (typeof noComparisonReasons)[number];

/** Why a card has no GRADE rating. */
export const noRatingReasons = ["not-a-treatment", "not-graded"] as const;
export type NoRatingReason = (typeof noRatingReasons)[number];

/**
 * What guidelines say of the option for back pain that has lasted a long time: recommended (to
 * offer or consider, alone or in a package), advised against, guidelines disagree, not addressed
 * by the guidelines named, or not checked (we only recall what they say, so we claim nothing).
 */
export const guidelineStances = [
  "recommended",
  "advised-against",
  "disagree",
  "not-addressed",
  "not-checked",
] as const;
export type GuidelineStance = (typeof guidelineStances)[number];

export type DecisionOption = {
  id: string;
  /** patient */
  name: string;
  group: OptionGroup;
  /** patient: who it is for, when it is not everyone with back pain. */
  suitableFor?: string;
  /** patient: what it is, in plain words. */
  whatItIs: string;
  /** patient: what it is like to go through (IPDAS: physical, emotional, social). */
  whatItIsLike: string;
  /** patient */
  benefits: readonly string[];
  /** patient */
  harms: readonly string[];
  /** Natural-frequency tables; empty when the sources give no fair count (then `noNumbers`). */
  outOf100: readonly OutOf100[];
  /** patient: why there is no "out of 100" number. */
  noNumbers?: string;
  /** Comparisons as average scores, both groups named (the glance figure when no table is fair). */
  averages: readonly AverageComparison[];
  /** Why the glance table has no comparison, when neither a fair table nor an average gives one. */
  noComparison?: NoComparisonReason;
  /** patient: other verified figures, each with its source (changes without a comparison, prices). */
  otherNumbers: readonly { text: string; sources: readonly CitationKey[] }[];
  /** For orthobiologics: how many people improved after a fake (sham) treatment. */
  shamResponse?: OutOf100;
  /** null when there is no rating; `noRating` says why and `certaintyNote` says so in words. */
  certainty: GradeCertainty | null;
  /** Whose rating `certainty` is; empty only when there is none. */
  certaintyBy: readonly CitationKey[];
  noRating?: NoRatingReason;
  /** patient: whose rating it is and what it rests on. */
  certaintyNote: string;
  /** What guidelines say, with the guidelines that say it (for "well-tested care"). */
  guideline: { stance: GuidelineStance; sources: readonly CitationKey[] };
  /** The card's own best comparison found it no better than the care it was compared with. */
  noBetterThanAlternatives: boolean;
  speed: Speed;
  /** patient */
  timeToEffect: string;
  /** patient; `estimate` when no source gives it. */
  visits: { text: string; estimate: boolean };
  /** patient; `estimate` unless `source` is given. */
  cost: { band: CostBand; text: string; estimate: boolean; source?: CitationKey };
  /** patient: regulatory status (cell therapies: investigational, not FDA-approved for back pain). */
  regulatoryStatus: string;
  investigational: boolean;
  sources: readonly CitationKey[];
};

/** The languages the decision aid is written in; English is the original, the others follow it. */
export const contentLanguages = ["en", "es"] as const;
export type ContentLanguage = (typeof contentLanguages)[number];

/**
 * An "out of 100" table's patient text in another language, row labels in the original's order.
 * Counts, time-frame numbers and sources stay the original's (the numbers are single-sourced).
 */
export type OutOf100Words = {
  peopleLike: string;
  /** A phrase that can open a clause ("a los 12 meses"): the screens put it first. */
  timeFrame: string;
  outcome: string;
  rows: readonly string[];
  note: string;
};

/** An average comparison's patient text in another language, row labels in the original's order. */
export type AverageComparisonWords = {
  peopleLike: string;
  /** A phrase that can open a clause, as in {@link OutOf100Words}. */
  timeFrame: string;
  measure: string;
  rows: readonly string[];
  summary: string;
  note: string;
};

/**
 * Every patient field of a {@link DecisionOption} in another language, list for list and table for
 * table with the original; ids, groups, counts, certainty, speed, cost bands and sources are not
 * repeated, so a translation cannot change them.
 */
export type DecisionOptionWords = {
  name: string;
  suitableFor?: string;
  whatItIs: string;
  whatItIsLike: string;
  benefits: readonly string[];
  harms: readonly string[];
  outOf100: readonly OutOf100Words[];
  noNumbers?: string;
  averages: readonly AverageComparisonWords[];
  otherNumbers: readonly string[];
  shamResponse?: OutOf100Words;
  certaintyNote: string;
  timeToEffect: string;
  visits: string;
  cost: string;
  regulatoryStatus: string;
};

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

/** "Out of 100 people like you": one outcome, one time frame, the same denominator for every row. */
export type OutOf100 = {
  /** patient: who the numbers are about (the reference class). */
  peopleLike: string;
  /** patient: when the outcome was measured. */
  timeFrame: string;
  /** patient: the outcome counted ("had their pain cut by half or more"). */
  outcome: string;
  /** patient labels; `count` out of 100, `countHigh` when the source gives a range. */
  rows: readonly { label: string; count: number; countHigh?: number }[];
  /** patient: what to keep in mind (chance, no comparison group). */
  note: string;
  sources: readonly CitationKey[];
};

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
  /** patient: other verified figures, each with its source (average changes, prices). */
  otherNumbers: readonly { text: string; sources: readonly CitationKey[] }[];
  /** For orthobiologics: how many people improved after a fake (sham) treatment. */
  shamResponse?: OutOf100;
  /** null when our sources give no rating; `certaintyNote` then says so. */
  certainty: GradeCertainty | null;
  /** patient: whose rating it is and what it rests on. */
  certaintyNote: string;
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
  otherNumbers: readonly string[];
  shamResponse?: OutOf100Words;
  certaintyNote: string;
  timeToEffect: string;
  visits: string;
  cost: string;
  regulatoryStatus: string;
};

/**
 * The education library's shape: short pages a patient reads before or beside the decision aid.
 * Every paragraph is one claim (or a few on one point) with the sources it rests on and how sure
 * we are, so a reviewer checks any sentence against its citation in one hop (STYLE: content as
 * typed, versioned data). Each page has its own version and review date, like the decision aid's
 * release; the Spanish follows the English paragraph for paragraph, and never repeats sources or
 * certainty, so a translation cannot change them.
 */
import type { CitationKey } from "../citations";
import type { TriageTier } from "../triage/tiers";

/**
 * How sure a paragraph is. `official`: what a law, a regulator's record or a guideline says (a
 * fact about the record, not about a treatment's effect); `high` … `very low`: GRADE's words for
 * the evidence behind a claim about health; `not-rated`: a study's result where the decision aid's
 * card for that treatment gives no rating either (surgery, waiting), so the page claims no more.
 */
export const libraryCertainties = ["official", "high", "moderate", "low", "very low", "not-rated"] as const;
export type LibraryCertainty = (typeof libraryCertainties)[number];

export type LibraryParagraph = {
  /** patient */
  text: string;
  sources: readonly CitationKey[];
  certainty: LibraryCertainty;
  /**
   * The decision-aid options this paragraph sums up: its certainty must be theirs and its sources
   * among theirs (a test), so the library never says more than the option cards.
   */
  options?: readonly string[];
};

export type LibrarySection = {
  /** patient */
  heading: string;
  paragraphs: readonly LibraryParagraph[];
  /**
   * A warning-signs section's tier and the triage rules it describes, so a test holds the page to
   * the intake's rules (each named rule exists and has this tier).
   */
  triage?: { tier: TriageTier; rules: readonly string[] };
};

export const libraryTopicIds = [
  "back-pain",
  "warning-signs",
  "treatments",
  "stem-cell-shots",
  "judging-a-clinic",
  "registries",
] as const;
export type LibraryTopicId = (typeof libraryTopicIds)[number];

export type LibraryTopic = {
  id: LibraryTopicId;
  /** Bumped whenever a paragraph, source or certainty changes. */
  version: string;
  /** The day a reviewer last checked the page against its sources. */
  reviewedOn: string;
  /** patient */
  title: string;
  /** patient: one or two sentences shown in the index. */
  summary: string;
  sections: readonly LibrarySection[];
};

/** A page's patient text in another language, section for section and paragraph for paragraph. */
export type LibraryTopicWords = {
  title: string;
  summary: string;
  sections: readonly { heading: string; paragraphs: readonly string[] }[];
};

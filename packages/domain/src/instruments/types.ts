/**
 * The shape every instrument definition follows. Definitions are content as data: a version, the
 * item texts and options with their scores, the scoring rule with its missing-data rule, the
 * direction of the score, responder thresholds with their source, and the licence.
 *
 * Answers are keyed by item id (a public contract shared by the API, the CLI and tests). A missing
 * or null answer means "not answered"; each instrument's scoring says what that does to the score.
 */
import type { CitationKey } from "../citations";

export type AnswerValue = number | boolean | null;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type ItemOption = {
  value: number | boolean;
  label: string;
};

export type Item = {
  id: string;
  /** The question or section heading shown to the patient. */
  text: string;
  /** integer: a number in [min, max]; choice: one of options; boolean: yes/no. */
  type: "integer" | "choice" | "boolean";
  min?: number;
  max?: number;
  /** Labels for the ends of a numeric scale (e.g. "No pain" … "Worst pain imaginable"). */
  anchors?: { min: string; max: string };
  options?: readonly ItemOption[];
  /** The patient may skip it (e.g. ODI section 8, sex life). */
  optional?: boolean;
};

export type Band = { max: number; label: string };

export type ResponderThreshold = {
  /** Improvement in points (in the direction of "better"). */
  absolute: number;
  /** Improvement as a share of baseline, 0–1. */
  relative: number;
  source: CitationKey;
};

export type Licence = {
  holder: string;
  terms: string;
  agreementNeeded: boolean;
};

export type ScoreResult = {
  /** null when the missing-data rule says the answers cannot be scored. */
  score: number | null;
  reason?: string;
  /** Instrument-specific additions (ODI band, STarT Back group, …). */
  extras?: Record<string, unknown>;
};

export type InstrumentDefinition = {
  id: string;
  version: string;
  title: string;
  /** Short label for tables and charts. */
  shortTitle: string;
  recallPeriod: string;
  instructions: string;
  items: readonly Item[];
  scoreRange: { min: number; max: number };
  /** higher-worse: pain, disability; higher-better: function, quality of life. */
  direction: "higher-worse" | "higher-better";
  unit?: string;
  bands?: readonly Band[];
  responder?: ResponderThreshold;
  loinc?: string;
  licence: Licence;
  sources: readonly CitationKey[];
  score(answers: Answers): ScoreResult;
};

/**
 * The shape every instrument definition follows. Definitions are content as data: a version, the
 * item texts and options with their scores, the scoring rule with its missing-data rule, what the
 * `score` means, its range and direction, responder thresholds with their sources, terminology
 * codes where they exist, and the licence.
 *
 * Answers are keyed by item id (a public contract shared by the API, the CLI and tests). A missing
 * or null answer means "not answered"; each instrument's scoring says what that does to the score.
 */
import type { CitationKey } from "../citations";

export type AnswerValue = number | boolean | null;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type ItemOption = {
  /** The stored answer, which is also the item score (PROMIS reverse-scored items carry 5 … 1). */
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
  /** The item group it belongs to (a PROMIS domain); see InstrumentDefinition.groups. */
  group?: string;
  /** The stem printed before the item on the form ("In the past 7 days…"). */
  context?: string;
};

/** A set of items shown and scored together (PROMIS-29 domains). */
export type ItemGroup = {
  id: string;
  title: string;
  /** The recall period of this group when it differs between groups. */
  recall: string;
};

export type Band = { max: number; label: string };

/**
 * Every published threshold worth storing beside the primary one (studies differ, so the registry
 * can compute several responder flags). `outcome` names what it applies to: "score" or a sub-score.
 */
export type ResponderRule = {
  outcome: string;
  description: string;
  absolute?: number;
  relative?: number;
  source: CitationKey;
};

export type Licence = {
  holder: string;
  terms: string;
  agreementNeeded: boolean;
};

/** A terminology code (LOINC, SNOMED CT); `display` is the code system's name for it. */
export type Coding = { system: string; code: string; display: string };

export const codeSystems = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
} as const;

export type InstrumentCodes = {
  /** The whole form (FHIR Questionnaire.code). */
  form?: Coding;
  /** The reported values (FHIR Observation.code), keyed by output: "score" or a sub-score id. */
  outputs?: Readonly<Record<string, Coding>>;
  /** Item codes (FHIR Questionnaire.item.code), keyed by item id, where a standard code exists. */
  items?: Readonly<Record<string, Coding>>;
  /**
   * Where the rated thing is (FHIR Observation.bodySite, SNOMED CT body structure), for a code
   * that does not say it itself: LOINC 72514-3 rates pain anywhere, so back and leg differ here.
   */
  bodySite?: Coding;
  /** Where the codes were checked, and how well. */
  provenance: string;
};

/** A value reported beside `score`: a subscale, a PROMIS domain T-score, an EQ-5D index. */
export type Subscore = {
  id: string;
  title: string;
  range: { min: number; max: number };
  /** Absent for categories (STarT Back group). */
  direction?: "higher-worse" | "higher-better";
};

export type ScoreResult = {
  /** null when the missing-data rule says the answers cannot be scored (or, for PROMIS-29, always). */
  score: number | null;
  reason?: string;
  /** Instrument-specific additions (ODI band, STarT Back group, PROMIS domains, EQ-5D index…). */
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
  groups?: readonly ItemGroup[];
  /** What the number in `score` is, in one sentence. */
  scoreMeaning: string;
  /** How answers become the score. */
  scoringRule: string;
  /** What unanswered items do to the score. */
  missingDataRule: string;
  scoreRange: { min: number; max: number };
  /** higher-worse: pain, disability; higher-better: function, quality of life. */
  direction: "higher-worse" | "higher-better";
  unit?: string;
  bands?: readonly Band[];
  subscores?: readonly Subscore[];
  responderRules: readonly ResponderRule[];
  codes?: InstrumentCodes;
  licence: Licence;
  sources: readonly CitationKey[];
  score(answers: Answers): ScoreResult;
};

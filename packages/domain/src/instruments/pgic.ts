/**
 * Patient Global Impression of Change, 7-point form derived from the NIMH Clinical Global
 * Impressions (Guy 1976): 1 very much improved … 4 no change … 7 very much worse, since the
 * start of treatment. `score` is the category number, so lower = better; the category label is
 * what matters and travels with it.
 *
 * IMMPACT (Dworkin 2008): minimally improved = minimal, much improved = moderate, very much
 * improved = substantial improvement; "much" or "very much improved" is the clinically important
 * change that Farrar (2001) anchored pain thresholds to. The question text is our own wording.
 */
import type { InstrumentDefinition, Item } from "./types";

export const pgicCategories = [
  "very much improved",
  "much improved",
  "minimally improved",
  "no change",
  "minimally worse",
  "much worse",
  "very much worse",
] as const;
export type PgicCategory = (typeof pgicCategories)[number];

/** The category for an answer 1–7 (throws on anything else: validate first). */
export function pgicCategory(value: number): PgicCategory {
  const c = pgicCategories[value - 1];
  if (!c) throw new RangeError(`PGIC answer must be 1–7, got ${value}`);
  return c;
}

/** IMMPACT's improvement level for a PGIC answer, or null for no change or worse. */
export function pgicImprovement(value: number): "substantial" | "moderate" | "minimal" | null {
  return value === 1 ? "substantial" : value === 2 ? "moderate" : value === 3 ? "minimal" : null;
}

const item: Item = {
  id: "pgic",
  text: "Since you started treatment, how would you describe any change in your overall condition?",
  type: "choice",
  options: pgicCategories.map((label, i) => ({
    value: i + 1,
    label: label.charAt(0).toUpperCase() + label.slice(1),
  })),
};

export const pgic: InstrumentDefinition = {
  id: "pgic",
  version: "7-point",
  title: "Patient Global Impression of Change",
  shortTitle: "PGIC",
  recallPeriod: "since the start of treatment",
  instructions: "Think about your condition now compared with before you started treatment.",
  items: [item],
  scoreMeaning:
    "The category number, 1 (very much improved) to 7 (very much worse); report the category, not an average.",
  scoringRule: "The answer as given; the category label comes with it.",
  missingDataRule: "One item: unanswered means no score.",
  scoreRange: { min: 1, max: 7 },
  direction: "higher-worse",
  // A category, not a change score: the points/percent rule of the outcomes table does not apply.
  responderRules: [
    {
      outcome: "score",
      description: "Clinically important improvement: much improved or very much improved (score ≤ 2)",
      source: "farrar2001",
    },
    {
      outcome: "score",
      description:
        "IMMPACT: minimally improved = minimal, much = moderate, very much = substantial improvement",
      source: "dworkin2008",
    },
  ],
  codes: { provenance: "No LOINC code found for the PGIC; coded locally." },
  licence: {
    holder: "Derived from the NIMH ECDEU Clinical Global Impressions (Guy 1976)",
    terms: "Widely treated as public domain (not verified). The question text here is our own wording.",
    agreementNeeded: false,
  },
  sources: ["guy1976", "farrar2001", "dworkin2008"],
  score(answers) {
    const v = answers.pgic;
    if (typeof v !== "number") return { score: null, reason: "not answered" };
    return {
      score: v,
      extras: { category: pgicCategory(v), improvement: pgicImprovement(v), clinicallyImportant: v <= 2 },
    };
  },
};

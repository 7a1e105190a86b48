/**
 * EQ-5D-5L (EuroQol): five dimensions at levels 1 (no problems) to 5 (extreme problems or
 * unable), and the EQ VAS, 0 (worst health you can imagine) to 100 (best), today.
 *
 * `score` is the EQ VAS: the one number the patient gives directly, needing no country's value
 * set. The index, 1 − Σ decrement (tables/eq5d5l-value-sets.ts), comes beside it for the US
 * (Pickard 2019) and England (Devlin 2018) sets, rounded to 3 decimals as the sets are
 * published; a missing dimension means no index (and no 5-digit profile). Sums are done in
 * thousandths so that, e.g., 1 − 0.096 is exactly 0.904.
 *
 * The dimension and level texts are our own plain paraphrase; the official wording, layout and
 * copyright footer come with a EuroQol licence.
 */
import {
  type Eq5dDimension,
  type Eq5dValueSetId,
  eq5dValueSetIds,
  eq5dValueSets,
} from "./tables/eq5d5l-value-sets";
import { type Answers, codeSystems, type InstrumentDefinition, type Item } from "./types";

const dimensions: readonly (readonly [
  code: Eq5dDimension,
  id: string,
  text: string,
  levels: readonly string[],
])[] = [
  [
    "MO",
    "eq5d_mo",
    "Mobility: walking about",
    [
      "No problems walking about",
      "Slight problems",
      "Moderate problems",
      "Severe problems",
      "Unable to walk about",
    ],
  ],
  [
    "SC",
    "eq5d_sc",
    "Self-care: washing or dressing yourself",
    [
      "No problems washing or dressing",
      "Slight problems",
      "Moderate problems",
      "Severe problems",
      "Unable to wash or dress",
    ],
  ],
  [
    "UA",
    "eq5d_ua",
    "Usual activities (for example work, study, housework, family or leisure activities)",
    [
      "No problems with usual activities",
      "Slight problems",
      "Moderate problems",
      "Severe problems",
      "Unable to do usual activities",
    ],
  ],
  [
    "PD",
    "eq5d_pd",
    "Pain or discomfort",
    ["No pain or discomfort", "Slight", "Moderate", "Severe", "Extreme pain or discomfort"],
  ],
  [
    "AD",
    "eq5d_ad",
    "Anxiety or depression",
    ["Not anxious or depressed", "Slightly", "Moderately", "Severely", "Extremely anxious or depressed"],
  ],
];

const items: Item[] = [
  ...dimensions.map(
    ([, id, text, levels]): Item => ({
      id,
      text,
      type: "choice",
      options: levels.map((label, i) => ({ value: i + 1, label })),
    }),
  ),
  {
    id: "eq5d_vas",
    text: "How good or bad is your health today? Choose a number from 0 to 100.",
    type: "integer",
    min: 0,
    max: 100,
    anchors: { min: "The worst health you can imagine", max: "The best health you can imagine" },
  },
];

/** The index for a complete profile of levels 1–5 (MO, SC, UA, PD, AD order). */
export function eq5dIndex(levels: readonly number[], valueSet: Eq5dValueSetId): number {
  const set = eq5dValueSets[valueSet];
  let thousandths = 1000;
  dimensions.forEach(([code], i) => {
    const decrement = set.decrements[code][(levels[i] ?? 0) - 1];
    if (decrement === undefined) throw new RangeError(`EQ-5D-5L ${code} level must be 1–5`);
    thousandths -= Math.round(decrement * 1000);
  });
  return thousandths / 1000;
}

export type Eq5dScore = {
  /** e.g. "21143"; null if a dimension is unanswered. */
  profile: string | null;
  index: Record<Eq5dValueSetId, number> | null;
  /** Why there is no index. */
  indexReason?: string;
  vas: number | null;
};

export function scoreEq5d5l(answers: Answers): Eq5dScore {
  const levels = dimensions.map(([, id]) => answers[id]);
  const vas = typeof answers.eq5d_vas === "number" ? answers.eq5d_vas : null;
  const missing = levels.filter((v) => typeof v !== "number").length;
  if (missing > 0 || !levels.every((v): v is number => typeof v === "number"))
    return {
      profile: null,
      index: null,
      indexReason: `${missing} of 5 dimensions unanswered; all 5 are needed`,
      vas,
    };
  const index = Object.fromEntries(eq5dValueSetIds.map((s) => [s, eq5dIndex(levels, s)])) as Record<
    Eq5dValueSetId,
    number
  >;
  return { profile: levels.join(""), index, vas };
}

const snomed = (code: string, display: string) => ({ system: codeSystems.snomed, code, display });
const indexCode = snomed("736534008", "EuroQol five dimension five level index value");

export const eq5d5l: InstrumentDefinition = {
  id: "eq5d5l",
  version: "5L",
  title: "EQ-5D-5L",
  shortTitle: "EQ-5D-5L",
  recallPeriod: "today",
  instructions:
    "For each group, choose the one statement that best describes your health today. Then rate your health today from 0 to 100.",
  items,
  scoreMeaning:
    "The EQ VAS, 0 (worst imaginable health) to 100 (best); the index per value set (US, England) comes with it.",
  scoringRule:
    "Score: the VAS as answered. Index: 1 − Σ decrement[dimension][level] for each value set, 3 decimals.",
  missingDataRule:
    "VAS unanswered: no score. Any dimension unanswered: no index and no profile (the VAS still counts).",
  scoreRange: { min: 0, max: 100 },
  direction: "higher-better",
  subscores: [
    {
      id: "index_us",
      title: "Index, US value set (Pickard 2019)",
      range: { min: -0.573, max: 1 },
      direction: "higher-better",
    },
    {
      id: "index_england",
      title: "Index, England value set (Devlin 2018)",
      range: { min: -0.285, max: 1 },
      direction: "higher-better",
    },
  ],
  // No EQ VAS threshold in our reference; the index one comes from a single Japanese LBP study.
  responderRules: [
    {
      outcome: "index",
      description: "Index change of about 0.08 corresponds to a 2-point pain NRS improvement (LBP clinics)",
      absolute: 0.08,
      source: "eq5dLbpJapan2020",
    },
  ],
  codes: {
    outputs: {
      score: snomed("736535009", "EuroQol five dimension five level visual analog scale score"),
      index_us: indexCode,
      index_england: indexCode,
    },
    provenance:
      "SNOMED CT codes as used by the German MII guide (partly verified); no LOINC code found. Displays are descriptive.",
  },
  licence: {
    holder: "EuroQol Research Foundation",
    terms:
      "Registration with EuroQol is required; commercial use is charged; digital versions need a EuroQol-approved implementation with the copyright footer. The texts here are a paraphrase: use the licensed wording.",
    agreementNeeded: true,
  },
  sources: ["euroQol", "pickard2019", "devlin2018", "eq5dLbpJapan2020"],
  score(answers) {
    const r = scoreEq5d5l(answers);
    const extras = {
      index: r.index,
      profile: r.profile,
      ...(r.indexReason ? { indexReason: r.indexReason } : {}),
    };
    if (r.vas === null) return { score: null, reason: "EQ VAS not answered", extras };
    return { score: r.vas, extras };
  },
};

export const eq5dDimensionItems = dimensions.map(([code, id]) => ({ code, id }));

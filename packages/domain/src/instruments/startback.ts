/**
 * Keele STarT Back Screening Tool, 9 items (Hill et al. 2008; Keele "using and scoring" pages).
 * Items 1–8: disagree 0 / agree 1. Item 9, bothersomeness over the last 2 weeks: not at all,
 * slightly, moderately, very much, extremely (answers 0–4); it scores 1 only for "very much" or
 * "extremely". Total = items 1–8 + item 9 score (0–9); distress subscale = items 5–8 + item 9
 * score (0–5). Group: high if subscale ≥ 4, else medium if total ≥ 4, else low.
 *
 * `score` is the total. The tool defines no missing-data rule; a group needs every item (one
 * missing "agree" could move a patient from medium to low), so all nine are required.
 *
 * The statements are our own plain paraphrase of the tool's content; the published wording is
 * © Keele University and must be used, with its copyright statement, in a licensed deployment.
 */
import { codeSystems, type InstrumentDefinition, type Item } from "./types";

const statements = [
  "At some point in the last 2 weeks, my back pain has spread down one or both legs.",
  "At some point in the last 2 weeks, I have also had pain in my shoulder or neck.",
  "Because of my back pain, I have only walked short distances.",
  "In the last 2 weeks, back pain has made me slower than usual at getting dressed.",
  "I feel it is not really safe for someone with my back condition to be physically active.",
  "Worrying thoughts have been on my mind much of the time.",
  "My back pain feels terrible and I think it will never get better.",
  "Generally, I have not enjoyed the things I used to enjoy.",
] as const;

const agreeDisagree = [
  { value: 0, label: "Disagree" },
  { value: 1, label: "Agree" },
];

const bothersomeness = ["Not at all", "Slightly", "Moderately", "Very much", "Extremely"] as const;

const items: Item[] = [
  ...statements.map((text, i): Item => ({ id: `sb_${i + 1}`, text, type: "choice", options: agreeDisagree })),
  {
    id: "sb_9",
    text: "Overall, how much has your back pain bothered you in the last 2 weeks?",
    type: "choice",
    options: bothersomeness.map((label, value) => ({ value, label })),
  },
];

export type StartBackGroup = "low" | "medium" | "high";

export type StartBackScore = { total: number; subscale: number; group: StartBackGroup };

/** Item 9 counts 1 for "very much" (3) or "extremely" (4). */
export const bothersomeScore = (answer: number): 0 | 1 => (answer >= 3 ? 1 : 0);

export function startBackGroup(total: number, subscale: number): StartBackGroup {
  return subscale >= 4 ? "high" : total >= 4 ? "medium" : "low";
}

/** The total, subscale and group, or the reason there are none. */
export function scoreStartBack(
  answers: Readonly<Record<string, unknown>>,
): StartBackScore | { reason: string } {
  const values = items.map((it) => answers[it.id]);
  const missing = values.filter((v) => typeof v !== "number").length;
  if (missing > 0) return { reason: `${missing} of 9 items unanswered; all 9 are needed` };
  const [a1, a2, a3, a4, a5, a6, a7, a8, a9] = values as number[];
  const b = bothersomeScore(a9!);
  const subscale = a5! + a6! + a7! + a8! + b;
  const total = a1! + a2! + a3! + a4! + subscale;
  return { total, subscale, group: startBackGroup(total, subscale) };
}

export const startBack: InstrumentDefinition = {
  id: "startback",
  version: "9-item",
  title: "Keele STarT Back Screening Tool",
  shortTitle: "STarT Back",
  recallPeriod: "last 2 weeks",
  instructions: "Thinking about the last 2 weeks, say whether you agree or disagree with each statement.",
  items,
  scoreMeaning:
    "The total, 0–9 (items 1–8 plus 1 if item 9 is very much or extremely); the subscale and the risk group come with it.",
  scoringRule:
    "Total = items 1–8 + item 9 score; distress subscale = items 5–8 + item 9 score; high if subscale ≥ 4, else medium if total ≥ 4, else low.",
  missingDataRule: "All nine items are required; with any unanswered there is no score and no group.",
  scoreRange: { min: 0, max: 9 },
  direction: "higher-worse",
  subscores: [
    {
      id: "subscale",
      title: "Distress (psychosocial) subscale",
      range: { min: 0, max: 5 },
      direction: "higher-worse",
    },
  ],
  // A stratification tool: it sorts patients for initial treatment; no responder threshold.
  responderRules: [],
  codes: {
    form: { system: codeSystems.loinc, code: "91349-1", display: "Keele STarT Back Screening Tool panel" },
    outputs: {
      score: { system: codeSystems.loinc, code: "91351-7", display: "Keele STarT Back total score" },
      subscale: { system: codeSystems.loinc, code: "91350-9", display: "Keele STarT Back distress subscore" },
    },
    provenance:
      "loinc.org page for 91350-9, which lists the panel and total; displays here are descriptive, not LOINC long names.",
  },
  licence: {
    holder: "Keele University",
    terms:
      "Free for non-commercial use without a licence; incorporating it in a commercial product needs agreement with Keele (Impact Accelerator Unit). Keep the copyright and funding statement with the tool. The texts here are a paraphrase: use the licensed wording.",
    agreementNeeded: true,
  },
  sources: ["hill2008", "keeleStartBack"],
  score(answers) {
    const r = scoreStartBack(answers);
    if ("reason" in r) return { score: null, reason: r.reason };
    return { score: r.total, extras: { subscale: r.subscale, group: r.group } };
  },
};

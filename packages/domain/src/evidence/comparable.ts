/**
 * "People like you": the clinic's own results beside an option's published numbers, from the
 * patients treated here who were like this patient before treatment — the same treatment kind
 * AND a similar baseline:
 *
 * - daily-life score (Oswestry Disability Index) within 10 points: disability is what most
 *   predicts the course of chronic back pain and what the options are chosen for;
 * - the same STarT Back risk group (Hill 2011: the groups differ in prognosis);
 * - back pain for a similar time (under 6 months, 6 months to 2 years, over 2 years);
 * - age within 10 years.
 *
 * A criterion whose value this patient has not given is not applied, and the screen says so. The
 * Oswestry score is required: without it nobody can be called "like you". From the clinic's
 * patients matched on all criteria, the share who improved on back pain (the instrument's
 * responder rule) is given with n and a 95% Wilson interval at the latest of 12, 6 and 3 months
 * that reaches `minimum` (30) patients. With fewer, criteria are widened one at a time — age
 * first, then pain duration, then STarT Back; never the Oswestry score — and the screen says which
 * were widened. Still fewer: no number at all, and no count either (a count under the threshold
 * is not shown).
 *
 * Pure: the registry's cases come in (db/repos/registry-cases.ts), figures come out.
 */

import { isResponse, responderRule } from "../outcomes/summary";
import { wilsonInterval } from "../stats/proportions";
import { decisionOptionIds } from "./catalogue";
import { treatmentKindForOption } from "./treatment-kinds";

export type StartBackGroup = "low" | "medium" | "high";

/** What is known about a patient before treatment; null where it is not known. */
export type BaselineProfile = {
  odi: number | null;
  startBack: StartBackGroup | null;
  /** How long the back pain has lasted, in weeks. */
  symptomWeeks: number | null;
  age: number | null;
};

/** One treated patient's follow-up at one timepoint, with the baseline before that treatment. */
export type RegistryCase = {
  treatmentKind: string;
  timepoint: string;
  baseline: BaselineProfile;
  /** The instrument's score before treatment and at this follow-up. */
  before: number;
  after: number;
};

export const criterionIds = ["odi", "startBack", "duration", "age"] as const;
export type CriterionId = (typeof criterionIds)[number];

export const ODI_WINDOW = 10;
export const AGE_WINDOW = 10;

export const durationBands = [
  { id: "under-6-months", below: 26, words: "under 6 months" },
  { id: "6-months-to-2-years", below: 104, words: "6 months to 2 years" },
  { id: "over-2-years", below: Number.POSITIVE_INFINITY, words: "over 2 years" },
] as const;

export function durationBand(weeks: number) {
  return durationBands.find((b) => weeks < b.below) ?? durationBands[durationBands.length - 1]!;
}

const groupWords: Record<StartBackGroup, string> = { low: "low", medium: "medium", high: "high" };

type Criterion = {
  id: CriterionId;
  known: (p: BaselineProfile) => boolean;
  matches: (p: BaselineProfile, c: BaselineProfile) => boolean;
  /** For the patient, in plain words, with their own value (grade ≤ 8; evidence.test.ts). */
  words: (p: BaselineProfile) => string;
  /** When the patient's value is not known. */
  unknownWords: string;
};

const near = (a: number | null, b: number | null, window: number) =>
  a !== null && b !== null && Math.abs(a - b) <= window;

export const comparableCriteria: readonly Criterion[] = [
  {
    id: "odi",
    known: (p) => p.odi !== null,
    matches: (p, c) => near(p.odi, c.odi, ODI_WINDOW),
    words: (p) =>
      `a daily life score within ${ODI_WINDOW} points of yours (${Math.round(p.odi ?? 0)} out of 100)`,
    unknownWords: "your daily life score (you have not given it yet)",
  },
  {
    id: "startBack",
    known: (p) => p.startBack !== null,
    matches: (p, c) => p.startBack !== null && p.startBack === c.startBack,
    words: (p) => `the same back pain risk group as you (${groupWords[p.startBack ?? "low"]} risk)`,
    unknownWords: "your back pain risk group (you have not given it yet)",
  },
  {
    id: "duration",
    known: (p) => p.symptomWeeks !== null,
    matches: (p, c) =>
      p.symptomWeeks !== null &&
      c.symptomWeeks !== null &&
      durationBand(p.symptomWeeks).id === durationBand(c.symptomWeeks).id,
    words: (p) => `back pain for ${durationBand(p.symptomWeeks ?? 0).words}, like you`,
    unknownWords: "how long you have had back pain (we do not know it yet)",
  },
  {
    id: "age",
    known: (p) => p.age !== null,
    matches: (p, c) => near(p.age, c.age, AGE_WINDOW),
    words: (p) => `an age within ${AGE_WINDOW} years of yours (${p.age ?? 0})`,
    unknownWords: "your age (we do not know it)",
  },
];

/** The order in which criteria are widened when too few match: the Oswestry score never is. */
export const wideningOrder: readonly CriterionId[] = ["age", "duration", "startBack"];

const preferred = ["12m", "6m", "3m"] as const;

export type ComparableFigure = {
  timepoint: string;
  n: number;
  responders: number;
  share: number;
  shareCI: [number, number];
};

export type ComparableResult = {
  optionId: string;
  treatmentKind: string;
  match: "exact" | "broader";
  /** The criteria the figure's patients matched (besides the treatment kind). */
  criteria: CriterionId[];
  /** Criteria this patient has a value for that were left out to reach the minimum. */
  widened: CriterionId[];
  /** Null: fewer than the minimum matched even after widening (no count is given). */
  figure: ComparableFigure | null;
};

export type Comparison = {
  /** False when the Oswestry score is missing: nobody can be called "like you" then. */
  usable: boolean;
  /** The criteria this patient has values for, in order; and those they have not. */
  known: CriterionId[];
  unknown: CriterionId[];
  instrument: string;
  responderRule: string;
  items: ComparableResult[];
};

function figureFor(
  instrument: string,
  cases: readonly RegistryCase[],
  minimum: number,
): ComparableFigure | null {
  for (const timepoint of preferred) {
    const at = cases.filter((c) => c.timepoint === timepoint);
    if (at.length < minimum) continue;
    const responders = at.filter((c) => isResponse(instrument, c.before, c.after)).length;
    const ci = wilsonInterval(responders, at.length);
    return {
      timepoint,
      n: at.length,
      responders,
      share: responders / at.length,
      shareCI: [ci.lower, ci.upper],
    };
  }
  return null;
}

/**
 * The clinic's results per decision-aid option for patients like `profile` (see the top).
 * `profile: null` asks for every patient treated with the option's kind, unmatched: the clinic's
 * view of the decision aid when no patient is chosen.
 */
export function comparablePatients(
  profile: BaselineProfile | null,
  cases: readonly RegistryCase[],
  minimum: number,
  instrument = "nrs_back",
): Comparison {
  const known = profile ? comparableCriteria.filter((c) => c.known(profile)).map((c) => c.id) : [];
  const unknown = profile ? criterionIds.filter((id) => !known.includes(id)) : [];
  const usable = profile === null || known.includes("odi");
  const items = decisionOptionIds.flatMap((optionId): ComparableResult[] => {
    const link = treatmentKindForOption(optionId);
    if (!link) return [];
    const ofKind = cases.filter((c) => c.treatmentKind === link.kind);
    let criteria = [...known];
    const widened: CriterionId[] = [];
    if (!usable)
      return [{ optionId, treatmentKind: link.kind, match: link.match, criteria, widened, figure: null }];
    for (;;) {
      const active = comparableCriteria.filter((c) => criteria.includes(c.id));
      const matched = profile
        ? ofKind.filter((c) => active.every((k) => k.matches(profile, c.baseline)))
        : ofKind;
      const figure = figureFor(instrument, matched, minimum);
      const next = wideningOrder.find((id) => criteria.includes(id));
      if (figure || !next)
        return [{ optionId, treatmentKind: link.kind, match: link.match, criteria, widened, figure }];
      criteria = criteria.filter((id) => id !== next);
      widened.push(next);
    }
  });
  return { usable, known, unknown, instrument, responderRule: responderRule(instrument), items };
}

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
 * patients matched on all criteria, the figure follows the outcomes pages' rule: how many were
 * treated, how many were due at the time point, how many of those answered before and after
 * (completeness), and of those the share who improved on back pain (the instrument's responder
 * rule) with a 95% Wilson interval, both ways round, and the range the missing patients could move
 * it over (outcomes/missing-data). The time point is the latest of 12, 6 and 3 months at which
 * `minimum` (30) patients answered. With fewer, criteria are widened one at a time — age first,
 * then pain duration, then STarT Back; never the Oswestry score — and the screen says which were
 * widened. Still fewer: no number at all, and no count either (a count under the threshold is not
 * shown). The recovery page's typical course matches the same way (./typical-course).
 *
 * Pure: the registry's cases come in (db/repos/registry-cases.ts), figures come out.
 */

import type { MissingRange } from "../api/outcomes";
import { missingDataRange } from "../outcomes/missing-data";
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

/** One treatment in the registry: the patient before it, and each of its follow-ups that fell due. */
export type RegistryCase = {
  treatmentId: string;
  treatmentKind: string;
  baseline: BaselineProfile;
  /** The instrument's score before treatment; null: none in the 180 days up to it. */
  before: number | null;
  /** Follow-ups whose window has opened (and not ended by a later treatment), with the score given; null: none. */
  followUps: readonly { timepoint: string; after: number | null }[];
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

/** The time points a figure is drawn from, the latest first. */
export const preferredTimepoints = ["12m", "6m", "3m"] as const;
const preferred = preferredTimepoints;

export type ComparableFigure = {
  timepoint: string;
  /** Patients like this one treated with the option's kind. */
  treated: number;
  /** Of them, those whose follow-up at `timepoint` has fallen due. */
  due: number;
  /** Of those, with a score before and at `timepoint`: the figure's n. */
  n: number;
  responders: number;
  share: number;
  shareCI: [number, number];
  /** The share if none of the missing (due − n) improved, and if all did. */
  range: MissingRange;
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

/** The score at `timepoint` of a case: undefined when not due there, null when due but not given. */
export function scoreAt(c: RegistryCase, timepoint: string): number | null | undefined {
  const f = c.followUps.find((x) => x.timepoint === timepoint);
  return f ? f.after : undefined;
}

function figureFor(
  instrument: string,
  cases: readonly RegistryCase[],
  minimum: number,
): ComparableFigure | null {
  for (const timepoint of preferred) {
    const due = cases.filter((c) => scoreAt(c, timepoint) !== undefined);
    const pairs = due.flatMap((c) => {
      const after = scoreAt(c, timepoint);
      return c.before !== null && typeof after === "number" ? [[c.before, after] as const] : [];
    });
    if (pairs.length < minimum) continue;
    const responders = pairs.filter(([b, a]) => isResponse(instrument, b, a)).length;
    const ci = wilsonInterval(responders, pairs.length);
    return {
      timepoint,
      treated: cases.length,
      due: due.length,
      n: pairs.length,
      responders,
      share: responders / pairs.length,
      shareCI: [ci.lower, ci.upper],
      range: missingDataRange(responders, pairs.length, due.length) as MissingRange,
    };
  }
  return null;
}

/** Which criteria a profile has values for, in the criteria's order, and which it has not. */
export function knownCriteria(profile: BaselineProfile | null): {
  known: CriterionId[];
  unknown: CriterionId[];
} {
  const known = profile ? comparableCriteria.filter((c) => c.known(profile)).map((c) => c.id) : [];
  return { known, unknown: profile ? criterionIds.filter((id) => !known.includes(id)) : [] };
}

/**
 * The cases like `profile` on its `known` criteria, widened one criterion at a time (wideningOrder)
 * until `enough` says the matched cases suffice or nothing is left to widen. `profile: null`
 * matches every case.
 */
export function matchLikeYou<T, C extends { baseline: BaselineProfile } = RegistryCase>(
  profile: BaselineProfile | null,
  cases: readonly C[],
  known: readonly CriterionId[],
  enough: (matched: readonly C[]) => T | null,
): { criteria: CriterionId[]; widened: CriterionId[]; matched: readonly C[]; result: T | null } {
  let criteria = [...known];
  const widened: CriterionId[] = [];
  for (;;) {
    const active = comparableCriteria.filter((c) => criteria.includes(c.id));
    const matched = profile
      ? cases.filter((c) => active.every((k) => k.matches(profile, c.baseline)))
      : cases;
    const result = enough(matched);
    const next = wideningOrder.find((id) => criteria.includes(id));
    if (result !== null || !next) return { criteria, widened, matched, result };
    criteria = criteria.filter((id) => id !== next);
    widened.push(next);
  }
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
  return compareOptions(profile, cases, instrument, (matched) => figureFor(instrument, matched, minimum));
}

/**
 * The per-option matching of `comparablePatients`, over any kind of case that carries a kind and a
 * baseline (single cases, or the summaries' tallies of alike cases: ./comparable-tallies).
 */
export function compareOptions<C extends { treatmentKind: string; baseline: BaselineProfile }>(
  profile: BaselineProfile | null,
  cases: readonly C[],
  instrument: string,
  figure: (matched: readonly C[]) => ComparableFigure | null,
): Comparison {
  const { known, unknown } = knownCriteria(profile);
  const usable = profile === null || known.includes("odi");
  const items = decisionOptionIds.flatMap((optionId): ComparableResult[] => {
    const link = treatmentKindForOption(optionId);
    if (!link) return [];
    const base = { optionId, treatmentKind: link.kind, match: link.match };
    if (!usable) return [{ ...base, criteria: [...known], widened: [], figure: null }];
    const ofKind = cases.filter((c) => c.treatmentKind === link.kind);
    const { criteria, widened, result } = matchLikeYou(profile, ofKind, known, figure);
    return [{ ...base, criteria, widened, figure: result }];
  });
  return { usable, known, unknown, instrument, responderRule: responderRule(instrument), items };
}

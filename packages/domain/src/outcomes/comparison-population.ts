/**
 * Who enters an adjusted comparison of two treatments, emulating a target trial (Hernán & Robins
 * 2016; domain reference §7): the same eligibility, time zero and follow-up for both arms.
 *
 * - Candidates: episodes whose first recorded treatment was the treatment or the comparator
 *   (a new-user design: nobody enters after having had the other). Time zero: that treatment's
 *   date; baseline covariates are what was known then.
 * - Eligible: the episode's condition is one in which both treatments were given to at least
 *   MINIMUM_PER_CONDITION patients. Where only one is ever given (discectomy is for sciatica) there is no
 *   one to compare with, and weighting would need impossible weights (positivity).
 * - Outcome known: the follow-up at the timepoint has fallen due and was answered with the
 *   instrument before any later treatment, and there is a baseline score. Follow-ups ended by a
 *   later treatment (often surgery) or missed are counted in the funnel, not imputed.
 * - Covariates: age, sex, the baseline score, symptom duration (log years, with an "unknown"
 *   indicator and the mean filled in where the onset date is missing) and the condition
 *   (indicators against the commonest). Columns that do not vary are dropped.
 */
import type { Completeness, FunnelStep } from "../api/outcomes";
import { conditionLabel } from "../catalogue/conditions";
import { ageOn, daysBetween, type IsoDate } from "../dates";
import { followUpStatus } from "../pathway/schedule";
import { measureShortTitle } from "./measures";
import { completeness } from "./summary";

export type Arm = "treatment" | "comparator";

export type ComparisonCandidate = {
  arm: Arm;
  treatmentDate: IsoDate;
  birthDate: IsoDate;
  sex: string;
  condition: string;
  onsetDate: IsoDate | null;
  /** Latest score for the instrument in the 180 days up to the treatment day. */
  baseline: number | null;
  /** The treatment's follow-up at the timepoint; null when none was scheduled. */
  followUp: {
    windowStart: IsoDate;
    windowEnd: IsoDate;
    completedAt: Date | string | null;
    cancelledAt: Date | string | null;
    /** Due on or after a later treatment in the episode, which ended this one's follow-up. */
    ended: boolean;
  } | null;
  /** The answer for the instrument at that follow-up (before any later treatment), if any. */
  score: number | null;
};

export type Covariate = { name: string; label: string; values: number[] };

export type AnalysedSet = {
  treated: boolean[];
  baseline: number[];
  followUp: number[];
  covariates: Covariate[];
  funnels: Record<Arm, FunnelStep[]>;
  completeness: Record<Arm, Completeness>;
  conditions: string[];
};

type Stage = "treated" | "eligible" | "due" | "responded" | "analysed";

const stageLabels: Record<Stage, string> = {
  treated: "First treatment in the episode",
  eligible: "Condition treated with both",
  due: "Follow-up due (not ended by a later treatment)",
  responded: "Answered this questionnaire",
  analysed: "With a baseline too (analysed)",
};

function stageOf(c: ComparisonCandidate, today: IsoDate, eligible: ReadonlySet<string>): Stage {
  if (!eligible.has(c.condition)) return "treated";
  const f = c.followUp;
  if (f === null || f.ended) return "eligible";
  const status = followUpStatus(f, today);
  if (status !== "completed" && status !== "missed") return "eligible";
  if (status === "missed" || c.score === null) return "due";
  return c.baseline === null ? "responded" : "analysed";
}

const order: Stage[] = ["treated", "eligible", "due", "responded", "analysed"];

/**
 * Candidates per arm a condition needs to enter the comparison. This is about positivity (someone
 * to compare with), not disclosure: an arm's figures are given only from MINIMUM_PER_ARM patients.
 */
export const MINIMUM_PER_CONDITION = 5;

/** Conditions in which each arm has at least MINIMUM_PER_CONDITION candidates. */
export function sharedConditions(candidates: readonly ComparisonCandidate[]): string[] {
  const counts = new Map<string, { treatment: number; comparator: number }>();
  for (const c of candidates) {
    const k = counts.get(c.condition) ?? { treatment: 0, comparator: 0 };
    k[c.arm] += 1;
    counts.set(c.condition, k);
  }
  return [...counts.entries()]
    .filter(([, k]) => k.treatment >= MINIMUM_PER_CONDITION && k.comparator >= MINIMUM_PER_CONDITION)
    .map(([condition]) => condition)
    .sort();
}

export function analysedSet(
  candidates: readonly ComparisonCandidate[],
  instrument: string,
  today: IsoDate,
): AnalysedSet {
  const conditions = sharedConditions(candidates);
  const eligible = new Set(conditions);
  const stages = candidates.map((c) => stageOf(c, today, eligible));
  const funnel = (arm: Arm): FunnelStep[] =>
    order.map((stage, i) => ({
      step: stage,
      label: stageLabels[stage],
      n: candidates.filter((c, j) => c.arm === arm && order.indexOf(stages[j] as Stage) >= i).length,
    }));
  const armCompleteness = (arm: Arm): Completeness => {
    let closed = 0;
    let responded = 0;
    candidates.forEach((c, j) => {
      const f = c.followUp;
      if (c.arm !== arm || stages[j] === "treated" || f === null || f.ended || f.windowEnd >= today) return;
      const status = followUpStatus(f, today);
      if (status === "completed") responded += 1;
      if (status === "completed" || status === "missed") closed += 1;
    });
    return completeness(closed, responded);
  };
  const rows = candidates.filter((_, j) => stages[j] === "analysed");
  return {
    treated: rows.map((c) => c.arm === "treatment"),
    baseline: rows.map((c) => c.baseline as number),
    followUp: rows.map((c) => c.score as number),
    covariates: covariatesOf(rows, instrument),
    funnels: { treatment: funnel("treatment"), comparator: funnel("comparator") },
    completeness: { treatment: armCompleteness("treatment"), comparator: armCompleteness("comparator") },
    conditions,
  };
}

function covariatesOf(rows: readonly ComparisonCandidate[], instrument: string): Covariate[] {
  const name = measureShortTitle(instrument);
  const logYears = rows.map((c) =>
    c.onsetDate === null ? null : Math.log(Math.max(daysBetween(c.onsetDate, c.treatmentDate), 30) / 365.25),
  );
  const known = logYears.filter((v): v is number => v !== null);
  const fill = known.length ? known.reduce((s, v) => s + v, 0) / known.length : 0;
  const byCondition = new Map<string, number>();
  for (const c of rows) byCondition.set(c.condition, (byCondition.get(c.condition) ?? 0) + 1);
  const reference = [...byCondition.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
  const all: Covariate[] = [
    { name: "age", label: "Age (years)", values: rows.map((c) => ageOn(c.birthDate, c.treatmentDate)) },
    { name: "female", label: "Female", values: rows.map((c) => (c.sex === "female" ? 1 : 0)) },
    { name: "baseline", label: `Baseline ${name}`, values: rows.map((c) => c.baseline as number) },
    {
      name: "duration",
      label: "Symptom duration (log years)",
      values: logYears.map((v) => v ?? fill),
    },
    {
      name: "durationUnknown",
      label: "Symptom duration unknown",
      values: logYears.map((v) => (v === null ? 1 : 0)),
    },
    ...[...byCondition.keys()]
      .filter((k) => k !== reference)
      .sort()
      .map((k) => ({
        name: `condition:${k}`,
        label: `Condition: ${conditionLabel(k)}`,
        values: rows.map((c) => (c.condition === k ? 1 : 0)),
      })),
  ];
  return all.filter((cov) => cov.values.some((v) => v !== cov.values[0]));
}

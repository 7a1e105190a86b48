/**
 * Surgery-free survival by first treatment: how long after a non-surgical first treatment people
 * go without an operation (domain reference §7: "time-to-event for reoperation (Kaplan–Meier)").
 *
 * Definition (the database query in @evident/db applies it; see SURVIVAL_DEFINITION):
 * - cohort: episodes whose first recorded treatment (earliest date, then earliest record) is not
 *   surgery; the group is that treatment's kind, whatever came after (as in intention to treat);
 * - time zero: that treatment's date;
 * - event: the first discectomy or fusion recorded later in the same episode;
 * - censored: without an operation, at the last contact in the episode — the later of the last
 *   questionnaire answer and the last recorded treatment — and never later than today. People who
 *   stop answering are censored when they stop, not assumed to be surgery-free until today.
 *
 * Curves are Kaplan–Meier with Greenwood log intervals (stats/kaplan-meier, checked against R's
 * survfit), cut where fewer than MINIMUM_CELL remain at risk, with operations merged into drops of
 * at least MINIMUM_CELL (see curveOf); groups compared with the log-rank
 * test (survdiff). Follow-up is summarised by the reverse Kaplan–Meier median.
 */
import type { FunnelStep, SurvivalGroup, SurvivalPoint, SurvivalReport } from "../api/outcomes";
import { kaplanMeier, logRankTest } from "../stats";
import { isSmallCell, leaveOutSmallGroups, MINIMUM_CELL, mergeSteps } from "./small-cells";

export const SURVIVAL_DEFINITION =
  "Episodes whose first treatment was not surgery, grouped by that treatment. Time zero is its date; the event is the first discectomy or fusion recorded later in the same episode. Without an operation, a patient is censored at their last contact in the episode (their last questionnaire answer or last recorded treatment, whichever is later).";

/** Episodes alike in first treatment kind, time and outcome, counted together. */
export type SurvivalTally = {
  treatmentKind: string;
  /** Days from the first treatment to surgery or censoring. */
  days: number;
  surgery: boolean;
  count: number;
};

export const AT_RISK_MONTHS = [0, 3, 6, 12, 18, 24] as const;
const DAYS_PER_MONTH = 365.25 / 12;
export const monthsToDays = (months: number): number => Math.round(months * DAYS_PER_MONTH);

function expand(tallies: readonly SurvivalTally[]): { time: number[]; event: boolean[] } {
  const time: number[] = [];
  const event: boolean[] = [];
  for (const t of tallies) {
    for (let i = 0; i < t.count; i++) {
      time.push(t.days);
      event.push(t.surgery);
    }
  }
  return { time, event };
}

type KmStep = ReturnType<typeof kaplanMeier>["steps"][number];

/**
 * The curve as shown: from day 0, cut where fewer than MINIMUM_CELL remain at risk, with the
 * operations merged into drops of at least MINIMUM_CELL (`mergeSteps`), so that no drop is one
 * person's operation. Each drop is placed at the last operation it holds, where the estimate and
 * its interval are exactly Kaplan–Meier's; the level between drops is the one before. With some
 * operations but fewer than MINIMUM_CELL in the shown part, no curve is drawn (empty); with none,
 * the curve is flat at 100% to where it is cut.
 */
function curveOf(steps: readonly KmStep[], n: number): SurvivalPoint[] {
  const shown = steps.filter((s) => s.nRisk >= MINIMUM_CELL);
  const drops = shown.filter((s) => s.nEvent > 0);
  const merged = mergeSteps(drops.map((s) => s.nEvent));
  if (drops.length > 0 && merged.length === 0) return [];
  const curve: SurvivalPoint[] = [{ day: 0, survival: 1, lower: 1, upper: 1, atRisk: n, events: 0 }];
  let first = 0;
  for (const m of merged) {
    const at = drops[m.end] as KmStep;
    curve.push({
      day: at.time,
      survival: at.survival,
      lower: at.lower,
      upper: at.upper,
      atRisk: (drops[first] as KmStep).nRisk,
      events: m.count,
    });
    first = m.end + 1;
  }
  // Extend the last level to the end of what is shown, so the step line says how far it reaches.
  const end = shown[shown.length - 1];
  const last = curve[curve.length - 1] as SurvivalPoint;
  if (end && end.time > last.day) curve.push({ ...last, day: end.time, atRisk: end.nRisk, events: 0 });
  return curve;
}

function survivalGroup(kind: string, tallies: readonly SurvivalTally[]): SurvivalGroup {
  const { time, event } = expand(tallies);
  const n = time.length;
  const events = event.filter(Boolean).length;
  const atRisk = AT_RISK_MONTHS.map((month) => {
    const day = monthsToDays(month);
    return { month, n: time.filter((t) => t >= day).length };
  });
  const base = { treatmentKind: kind, n, events, censored: n - events, atRisk };
  if (isSmallCell(n)) {
    return { ...base, suppressed: true, curve: [], median: null, at12Months: null, medianFollowUpDays: null };
  }
  const km = kaplanMeier({ time, event });
  const curve = curveOf(km.steps, n);
  const year = monthsToDays(12);
  const atYear = time.filter((t) => t >= year).length;
  let at12Months: SurvivalGroup["at12Months"] = null;
  if (atYear >= MINIMUM_CELL) {
    const before = km.steps.filter((s) => s.time <= year && s.nEvent > 0).at(-1);
    at12Months = before
      ? { survival: before.survival, lower: before.lower, upper: before.upper }
      : { survival: 1, lower: 1, upper: 1 };
  }
  const followUp = kaplanMeier({ time, event: event.map((e) => !e) });
  return {
    ...base,
    suppressed: false,
    curve,
    median: km.median,
    at12Months,
    medianFollowUpDays: followUp.median.estimate,
  };
}

export type SurvivalCounts = {
  /** Episodes with at least one recorded treatment. */
  episodes: number;
  /** Of those, episodes whose first treatment was an operation (not in this analysis). */
  firstSurgical: number;
};

export function surgeryFreeSurvival(
  tallies: readonly SurvivalTally[],
  counts: SurvivalCounts,
): Pick<SurvivalReport, "groups" | "logRank" | "funnel"> {
  const kinds = [...new Set(tallies.map((t) => t.treatmentKind))].sort();
  const groups = kinds.map((k) =>
    survivalGroup(
      k,
      tallies.filter((t) => t.treatmentKind === k),
    ),
  );
  const shown = groups.filter((g) => !g.suppressed);
  let logRank: SurvivalReport["logRank"] = null;
  if (shown.length >= 2 && shown.some((g) => g.events > 0)) {
    const rows = tallies.filter((t) => shown.some((g) => g.treatmentKind === t.treatmentKind));
    const { time, event } = expand(rows);
    const group = rows.flatMap((t) => Array.from({ length: t.count }, () => t.treatmentKind));
    const test = logRankTest({ time, event, group });
    logRank = {
      chiSquare: test.chiSquare,
      df: test.df,
      p: test.p,
      groups: test.groups.map((g) => ({
        treatmentKind: g.group,
        n: g.n,
        observed: g.observed,
        expected: g.expected,
      })),
    };
  }
  const analysed = groups.reduce((s, g) => s + g.n, 0);
  const funnel: FunnelStep[] = [
    { step: "episodes", label: "Episodes with a recorded treatment", n: counts.episodes },
    {
      step: "non-surgical",
      label: "First treatment not an operation",
      n: counts.episodes - counts.firstSurgical,
    },
    { step: "analysed", label: "Analysed", n: analysed },
  ];
  return { groups, logRank, funnel };
}

/**
 * Surgery-free survival for a filtered view (a cohort): a first-treatment group of 1 to 10
 * episodes is left out whole (./small-cells), so "analysed" counts the groups shown; and a funnel
 * step is shown only when neither it nor its gap from the step before is 1 to 10 episodes (the
 * funnel only falls, so no two steps shown differ by 1 to 10 either).
 */
export function cohortSurvival(
  tallies: readonly SurvivalTally[],
  counts: SurvivalCounts,
): Pick<SurvivalReport, "groups" | "logRank" | "funnel"> & { left: number } {
  const all = surgeryFreeSurvival(tallies, counts);
  const { kept, left } = leaveOutSmallGroups(all.groups, (g) => g.n);
  const shown = new Set(kept.map((g) => g.treatmentKind));
  const result = surgeryFreeSurvival(
    tallies.filter((t) => shown.has(t.treatmentKind)),
    counts,
  );
  return { ...result, funnel: withoutSmallSteps(result.funnel), left };
}

/** The funnel's steps, less any step of 1 to 10 or 1 to 10 below the last step kept. */
export function withoutSmallSteps(funnel: readonly FunnelStep[]): FunnelStep[] {
  const kept: FunnelStep[] = [];
  for (const step of funnel) {
    const before = kept.at(-1);
    const gap = before ? before.n - step.n : 0;
    if ((step.n === 0 || !isSmallCell(step.n)) && (gap === 0 || !isSmallCell(gap))) kept.push(step);
  }
  return kept;
}

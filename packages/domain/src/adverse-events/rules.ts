/**
 * Adverse events: what a patient can report, when a report is urgent, how staff classify an event
 * (CTCAE grade, ICH E2A seriousness, relatedness, expectedness, outcome) and the reporting clock
 * that follows.
 *
 * Reporting clocks follow ICH E2A (1994) §III.A: a serious, unexpected adverse reaction (an event
 * with a reasonable possibility of being caused by the product: relatedness possible, probable or
 * definite) is reported within 15 calendar days of first knowledge; a fatal or life-threatening
 * one within 7. The clock starts on the day the clinic learned of the event. Whether a clinic
 * must report at all (a study under an IND, a 361 HCT/P's adverse reaction reports under
 * 21 CFR 1271.350) depends on its regulatory position (regulatory/), so the clock is shown as due,
 * never as a legal conclusion.
 */
import { addDays, daysBetween, type IsoDate } from "../dates";

export const aeKinds = [
  "infection",
  "nerve_injury",
  "allergic_reaction",
  "pain_flare",
  "harvest_site_complication",
  "other",
] as const;
export type AeKind = (typeof aeKinds)[number];

export const aeKindLabels: Record<AeKind, string> = {
  infection: "Infection",
  nerve_injury: "Nerve injury",
  allergic_reaction: "Allergic reaction",
  pain_flare: "Pain flare",
  harvest_site_complication: "Harvest-site complication",
  other: "Other",
};

/** ICH E2A seriousness criteria. */
export const seriousnessCriteria = [
  "death",
  "life-threatening",
  "hospitalisation",
  "disability",
  "congenital-anomaly",
  "medically-important",
] as const;
export type Seriousness = (typeof seriousnessCriteria)[number];

export const seriousnessLabels: Record<Seriousness, string> = {
  death: "Results in death",
  "life-threatening": "Life-threatening",
  hospitalisation: "Requires or prolongs hospitalisation",
  disability: "Persistent or significant disability",
  "congenital-anomaly": "Congenital anomaly",
  "medically-important": "Medically important (may need intervention to prevent the above)",
};

export const relatedness = ["unrelated", "unlikely", "possible", "probable", "definite"] as const;
export type Relatedness = (typeof relatedness)[number];

export const relatednessLabels: Record<Relatedness, string> = {
  unrelated: "Unrelated",
  unlikely: "Unlikely",
  possible: "Possible",
  probable: "Probable",
  definite: "Definite",
};

export const aeOutcomes = [
  "recovered",
  "recovering",
  "not-recovered",
  "recovered-with-sequelae",
  "fatal",
  "unknown",
] as const;
export type AeOutcome = (typeof aeOutcomes)[number];

export const aeOutcomeLabels: Record<AeOutcome, string> = {
  recovered: "Recovered",
  recovering: "Recovering",
  "not-recovered": "Not recovered",
  "recovered-with-sequelae": "Recovered with lasting effects (sequelae)",
  fatal: "Fatal",
  unknown: "Unknown",
};

/** CTCAE v5.0 general grade meanings (the event-specific terms refine them). */
export const ctcaeGrades = {
  1: "Mild: no or mild symptoms; observation only",
  2: "Moderate: minimal, local or non-invasive treatment; limits instrumental daily activities",
  3: "Severe or medically significant, not immediately life-threatening; hospitalisation; limits self-care",
  4: "Life-threatening: urgent intervention needed",
  5: "Death related to the event",
} as const;

export type ReportingClock =
  | { required: false; reason: string }
  | { required: true; days: 7 | 15; dueDate: IsoDate; reason: string };

/** The expedited-reporting clock of an event (ICH E2A), from the day the clinic learned of it. */
export function reportingClock(e: {
  seriousness: readonly Seriousness[];
  expected: boolean | null;
  relatedness: Relatedness | null;
  awareDate: IsoDate;
}): ReportingClock {
  if (e.seriousness.length === 0) return { required: false, reason: "not serious" };
  if (e.expected === true)
    return {
      required: false,
      reason: "serious but expected (listed in the consent and product information)",
    };
  if (e.relatedness === "unrelated" || e.relatedness === "unlikely")
    return {
      required: false,
      reason: "serious and unexpected, but no reasonable possibility that the treatment caused it",
    };
  const rapid = e.seriousness.includes("death") || e.seriousness.includes("life-threatening");
  const days = rapid ? 7 : 15;
  const unknown = e.expected === null || e.relatedness === null;
  return {
    required: true,
    days,
    dueDate: addDays(e.awareDate, days),
    reason: `${rapid ? "fatal or life-threatening" : "serious"}${unknown ? ", expectedness or relatedness not yet assessed (counted as unexpected and possibly related until it is)" : ", unexpected and possibly related"}: report within ${days} days`,
  };
}

export type ClockStatus = "not-required" | "due" | "overdue" | "submitted";

export function clockStatus(clock: ReportingClock, submittedAt: string | null, today: IsoDate): ClockStatus {
  if (!clock.required) return "not-required";
  if (submittedAt) return "submitted";
  return today > clock.dueDate ? "overdue" : "due";
}

export const daysLeft = (dueDate: IsoDate, today: IsoDate): number => daysBetween(today, dueDate);

/** Checks across fields: a grade 5 event is a death, and a fatal outcome is grade 5. */
export function checkAdverseEvent(e: {
  severity: number;
  seriousness: readonly Seriousness[];
  outcome: AeOutcome;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (e.severity === 5 && e.outcome !== "fatal")
    issues.push({ path: "outcome", message: "must be fatal for a grade 5 event (CTCAE grade 5 is death)" });
  if (e.outcome === "fatal" && e.severity !== 5)
    issues.push({ path: "severity", message: "must be 5 when the outcome is fatal" });
  if ((e.severity === 5 || e.outcome === "fatal") && !e.seriousness.includes("death"))
    issues.push({ path: "seriousness", message: "must include death for a fatal event" });
  if (e.severity === 4 && !e.seriousness.includes("life-threatening") && !e.seriousness.includes("death"))
    issues.push({ path: "seriousness", message: "must include life-threatening for a grade 4 event" });
  return issues;
}

export type ClockState = {
  /** Day 0 of the clock that runs now. */
  startDate: IsoDate;
  dueDate: IsoDate | null;
  submittedAt: string | null;
};

type Classification = {
  seriousness: readonly Seriousness[];
  expected: boolean | null;
  relatedness: Relatedness | null;
};

/**
 * The reporting clock after an event is reclassified on `today`. ICH E2A counts from "first
 * knowledge ... that a case qualifies" and 21 CFR 312.32(c)(1) from when the sponsor "determines
 * that the information qualifies for reporting", so day 0 is the day the clinic learned that the
 * event qualifies as it is now classified, not the day it was first recorded:
 *
 * - it newly qualifies (upgraded to serious, reassessed as unexpected or related), or moves from
 *   the 15-day to the 7-day clock (it became fatal or life-threatening): a new clock starts
 *   today. A report still owed under the earlier clock keeps its due date if that comes first;
 *   a report already made for the earlier classification stays in the record's history and a
 *   new one is due;
 * - it still qualifies with as many days or more: the clock keeps its day 0 and the report made
 *   stays made;
 * - it no longer qualifies: no report is due (a report already made stays recorded).
 */
export function clockAfterUpdate(
  before: Classification & ClockState,
  after: Classification,
  today: IsoDate,
): ClockState & { restarted: boolean } {
  const was = reportingClock({ ...before, awareDate: before.startDate });
  const kept = reportingClock({ ...after, awareDate: before.startDate });
  if (!kept.required)
    return { startDate: before.startDate, dueDate: null, submittedAt: before.submittedAt, restarted: false };
  if (was.required && kept.days >= was.days)
    return {
      startDate: before.startDate,
      dueDate: kept.dueDate,
      submittedAt: before.submittedAt,
      restarted: false,
    };
  const fresh = addDays(today, kept.days);
  const owed = was.required && before.submittedAt === null ? before.dueDate : null;
  return {
    startDate: today,
    dueDate: owed !== null && owed < fresh ? owed : fresh,
    submittedAt: null,
    restarted: true,
  };
}

/**
 * A clinic's measurement plan: which questionnaires are asked at which timepoint. A timepoint in
 * the plan is scheduled (baseline at enrolment, the rest after each treatment); one left out is
 * not. Each follow-up stores the instruments of its timepoint when it is scheduled, so changing
 * the plan never changes what an existing follow-up asks.
 *
 * The default follows the core set the registry literature recommends for every treatment arm
 * (reference §1.5: NRS back and leg, ODI, PROMIS-29, EQ-5D-5L, PGIC, STarT Back at baseline), plus
 * the PEG, at every timepoint of the schedule up to 24 months. STarT Back sorts patients for initial care, so it is asked at baseline only; the PGIC
 * asks about change since treatment, so it is asked at follow-ups only.
 *
 * Licensed instruments (those whose definition says `licence.agreementNeeded`) can only be put in
 * a plan once an administrator has confirmed the clinic's licence.
 */
import type { Issue } from "../errors";
import { findInstrument, instruments } from "../instruments";
import { type TimepointId, timepointIds } from "./schedule";

export type MeasurementPlan = Readonly<Partial<Record<TimepointId, readonly string[]>>>;

const atFollowUp = ["nrs_back", "nrs_leg", "odi", "peg", "promis29", "eq5d5l", "pgic"] as const;

export const defaultPlan: MeasurementPlan = {
  baseline: ["nrs_back", "nrs_leg", "odi", "peg", "promis29", "eq5d5l", "startback"],
  "2w": atFollowUp,
  "6w": atFollowUp,
  "3m": atFollowUp,
  "6m": atFollowUp,
  "12m": atFollowUp,
  "24m": atFollowUp,
};

/** True when the instrument's licence holder requires an agreement before a clinic may use it. */
export function needsLicence(instrumentId: string): boolean {
  return findInstrument(instrumentId)?.licence.agreementNeeded === true;
}

/** The timepoints of a plan, in schedule order (baseline first). */
export function planTimepoints(plan: MeasurementPlan): TimepointId[] {
  return timepointIds.filter((t) => plan[t] !== undefined);
}

/** The follow-up timepoints (all but baseline) a treatment schedules under this plan. */
export function followUpTimepoints(plan: MeasurementPlan): TimepointId[] {
  return planTimepoints(plan).filter((t) => t !== "baseline");
}

/** What a timepoint asks under this plan (empty when it is not in the plan). */
export function instrumentsAt(plan: MeasurementPlan, timepoint: TimepointId): string[] {
  return [...(plan[timepoint] ?? [])];
}

/**
 * The plan without the licensed instruments whose licence is not confirmed: what a new clinic
 * starts with. A timepoint left with nothing is dropped.
 */
export function withoutUnlicensed(plan: MeasurementPlan, confirmed: ReadonlySet<string>): MeasurementPlan {
  const out: Partial<Record<TimepointId, readonly string[]>> = {};
  for (const t of planTimepoints(plan)) {
    const kept = instrumentsAt(plan, t).filter((i) => !needsLicence(i) || confirmed.has(i));
    if (kept.length > 0) out[t] = kept;
  }
  return out;
}

/**
 * Every reason a plan cannot be used, each naming its field ("timepoints.2w.3"): a missing
 * baseline, an empty timepoint, an unknown instrument, one listed twice, a licensed one without a
 * confirmed licence, the PGIC at baseline.
 */
export function checkPlan(plan: MeasurementPlan, confirmed: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  if (plan.baseline === undefined)
    issues.push({
      path: "timepoints.baseline",
      message: "is required: every patient answers a baseline before treatment",
    });
  for (const t of planTimepoints(plan)) {
    const list = instrumentsAt(plan, t);
    if (list.length === 0) {
      issues.push({
        path: `timepoints.${t}`,
        message: "needs at least one questionnaire (leave the timepoint out to not schedule it)",
      });
    }
    list.forEach((id, n) => {
      const path = `timepoints.${t}.${n}`;
      const def = findInstrument(id);
      if (!def) {
        issues.push({
          path,
          message: `unknown questionnaire "${id}"; known: ${instruments.map((i) => i.id).join(", ")}`,
        });
      } else if (list.indexOf(id) !== n) {
        issues.push({ path, message: `${def.shortTitle} is listed twice` });
      } else if (def.licence.agreementNeeded && !confirmed.has(id)) {
        issues.push({
          path,
          message: `${def.shortTitle} needs a licence from ${def.licence.holder}; an administrator must confirm the clinic's licence first`,
        });
      } else if (id === "pgic" && t === "baseline") {
        issues.push({
          path,
          message: "the PGIC asks about change since treatment, so it cannot be asked at baseline",
        });
      }
    });
  }
  return issues;
}

/**
 * Follow-up completeness per time point and arm: of the assessments that fell due, how many were
 * answered, with a Wilson interval. Loss to follow-up is rarely random (people who did badly, or
 * very well, stop answering), so the registry shows this beside every outcome; the QOD registry
 * aims for ≥ 80% at each point. A record is one assessment that fell due; pass only those whose
 * window has closed, or a recent time point will look worse than it is.
 */

import { badRequest } from "../errors";
import { type ProportionInterval, wilsonInterval } from "./proportions";

export type DueAssessment = {
  readonly arm: string;
  readonly timepoint: string;
  readonly responded: boolean;
};

export type Completeness = {
  readonly timepoint: string;
  readonly arm: string;
  readonly due: number;
  readonly responded: number;
  readonly proportion: number;
  readonly lower: number;
  readonly upper: number;
};

/** One row per (time point, arm), time points and arms in order of first appearance. */
export function followUpCompleteness(records: readonly DueAssessment[], level = 0.95): Completeness[] {
  if (records.length === 0) throw badRequest("no assessments were due", "records");
  const timepoints = [...new Set(records.map((r) => r.timepoint))];
  const arms = [...new Set(records.map((r) => r.arm))];
  const rows: Completeness[] = [];
  for (const timepoint of timepoints) {
    for (const arm of arms) {
      const due = records.filter((r) => r.timepoint === timepoint && r.arm === arm);
      if (due.length === 0) continue;
      const interval: ProportionInterval = wilsonInterval(
        due.filter((r) => r.responded).length,
        due.length,
        level,
      );
      rows.push({
        timepoint,
        arm,
        due: interval.n,
        responded: interval.events,
        proportion: interval.proportion,
        lower: interval.lower,
        upper: interval.upper,
      });
    }
  }
  return rows;
}

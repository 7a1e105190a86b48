/**
 * A late baseline: baseline answers given after the episode's first treatment. They are kept (the
 * patient's words are never thrown away) but they describe the patient after treatment, so they
 * are marked "late" wherever answers are shown and left out of every change score.
 *
 * The rule is derived, never stored, because a treatment date can be corrected: the answer's date
 * in the clinic's time zone against the date of the episode's first treatment. Answers on the
 * treatment day count as on time (baselines are often taken just before a procedure, and the
 * baseline window closes on that day). The outcomes queries use the same rule in SQL
 * (db/repos/outcome-sql.ts `lateBaseline`); a test holds the two to the same answers.
 */
import type { IsoDate } from "../dates";
import { localTime } from "../time-zone";

/**
 * How far back an answer still describes the patient before a treatment: the outcomes take the
 * latest answer in the 180 local days up to the treatment day as its baseline
 * (db/repos/outcome-sql.ts `baselines`), never a late baseline.
 */
export const BASELINE_LOOKBACK_DAYS = 180;

/** Whether a baseline answered on the local date `answeredOn` would be late. */
export function baselineLateOn(answeredOn: IsoDate, firstTreatmentDate: IsoDate | null): boolean {
  return firstTreatmentDate !== null && answeredOn > firstTreatmentDate;
}

/** Whether a stored answer set is a late baseline. */
export function isLateBaseline(
  answer: { timepoint: string; completedAt: Date },
  firstTreatmentDate: IsoDate | null,
  timeZone: string,
): boolean {
  return (
    answer.timepoint === "baseline" &&
    baselineLateOn(localTime(answer.completedAt, timeZone).date, firstTreatmentDate)
  );
}

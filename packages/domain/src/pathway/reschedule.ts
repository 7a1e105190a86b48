/**
 * A treatment's date corrected after its follow-ups were scheduled. The schedule is a function of
 * the date (schedule.ts), so every follow-up of the treatment moves with it, keeping the
 * timepoints and questionnaires it was scheduled with. What already happened does not change: a
 * completed follow-up keeps its answers and when they were given, and is named when those now
 * fall outside its moved window (an answer given 9 days after the corrected date is not a 2-week
 * answer in all but name), so that the clinician sees it and the analyses can.
 *
 * Which follow-ups a later treatment in the episode replaces is worked out again by the rule used
 * when a treatment is recorded (treatments.ts): a follow-up of an earlier treatment that falls
 * due on or after a later treatment's date belongs to the later one's schedule and is cancelled.
 * "Later" is by date, then by when it was recorded. A date moved later can therefore bring back
 * follow-ups it had cancelled, and a date moved earlier can cancel more.
 */
import type { IsoDate } from "../dates";
import { scheduleFollowUps } from "./schedule";

type Dated = { dueDate: IsoDate; windowStart: IsoDate; windowEnd: IsoDate };

/** The due date and window of each timepoint after the treatment date becomes `date`. */
export function movedSchedule(date: IsoDate, timepointIds: readonly string[]): Map<string, Dated> {
  return new Map(
    scheduleFollowUps(date, timepointIds).map((f) => [
      f.timepoint,
      { dueDate: f.dueDate, windowStart: f.windowStart, windowEnd: f.windowEnd },
    ]),
  );
}

/** Whether a completion instant falls inside a window (dates inclusive, in UTC). */
export function completedInWindow(completedAt: Date, w: { windowStart: IsoDate; windowEnd: IsoDate }) {
  const day = completedAt.toISOString().slice(0, 10);
  return day >= w.windowStart && day <= w.windowEnd;
}

/**
 * The follow-ups a later treatment replaces: those of an earlier treatment (by date, then by
 * when it was recorded) due on or after the later treatment's date.
 */
export function supersededFollowUps(
  treatments: readonly { id: string; date: IsoDate; recordedAt: Date }[],
  followUps: readonly { id: string; treatmentId: string; dueDate: IsoDate }[],
): Set<string> {
  const order = [...treatments].sort(
    (a, b) => a.date.localeCompare(b.date) || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
  const rank = new Map(order.map((t, i) => [t.id, i]));
  const out = new Set<string>();
  for (const f of followUps) {
    const r = rank.get(f.treatmentId);
    if (r === undefined) continue;
    if (order.slice(r + 1).some((later) => later.date <= f.dueDate)) out.add(f.id);
  }
  return out;
}

/**
 * Follow-up schedule anchored on the treatment date: each timepoint has a due date and a window
 * (the days either side of the due date in which an answer still counts for that timepoint).
 * Windows follow registry practice (ICHOM low back pain set; Clement 2015): narrow early, wider
 * later, so that a 2-week answer is never mistaken for a 6-week one.
 *
 * Status is derived from dates, not stored: a scheduled follow-up is `upcoming` before its window,
 * `open` inside it and `missed` after it; `completed` and `cancelled` are recorded events.
 */
import { addDays, addMonths, type IsoDate } from "../dates";

export type TimepointSpec = {
  id: string;
  label: string;
  offset: { days: number } | { months: number };
  /** Days either side of the due date. */
  windowDays: number;
};

export const timepoints = [
  { id: "2w", label: "2 weeks", offset: { days: 14 }, windowDays: 7 },
  { id: "6w", label: "6 weeks", offset: { days: 42 }, windowDays: 14 },
  { id: "3m", label: "3 months", offset: { months: 3 }, windowDays: 28 },
  { id: "6m", label: "6 months", offset: { months: 6 }, windowDays: 42 },
  { id: "12m", label: "12 months", offset: { months: 12 }, windowDays: 42 },
  { id: "24m", label: "24 months", offset: { months: 24 }, windowDays: 42 },
] as const satisfies readonly TimepointSpec[];

export type TimepointId = "baseline" | (typeof timepoints)[number]["id"];
export const timepointIds = ["baseline", ...timepoints.map((t) => t.id)] as [TimepointId, ...TimepointId[]];

/**
 * The instruments the outcomes report summarises (its change-from-baseline rows). What a
 * follow-up asks is no longer this list but the clinic's measurement plan (plan.ts), stored on
 * each follow-up when it is scheduled.
 */
export const defaultInstruments: readonly string[] = ["nrs_back", "odi"];

export function timepointLabel(id: string): string {
  if (id === "baseline") return "Baseline";
  return timepoints.find((t) => t.id === id)?.label ?? id;
}

export type ScheduledFollowUp = {
  timepoint: TimepointId;
  dueDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
};

/** The follow-ups of a treatment on `treatmentDate`, at the given timepoints (from the clinic's plan). */
export function scheduleFollowUps(treatmentDate: IsoDate, planned: readonly string[]): ScheduledFollowUp[] {
  return timepoints
    .filter((t) => planned.includes(t.id))
    .map((t) => {
      const due =
        "days" in t.offset
          ? addDays(treatmentDate, t.offset.days)
          : addMonths(treatmentDate, t.offset.months);
      return {
        timepoint: t.id,
        dueDate: due,
        windowStart: addDays(due, -t.windowDays),
        windowEnd: addDays(due, t.windowDays),
      };
    });
}

export const FollowUpStatus = {
  upcoming: "upcoming",
  open: "open",
  completed: "completed",
  missed: "missed",
  cancelled: "cancelled",
} as const;
export type FollowUpStatus = (typeof FollowUpStatus)[keyof typeof FollowUpStatus];

export function followUpStatus(
  f: {
    windowStart: IsoDate;
    windowEnd: IsoDate;
    completedAt?: Date | string | null;
    cancelledAt?: Date | string | null;
  },
  today: IsoDate,
): FollowUpStatus {
  if (f.completedAt) return "completed";
  if (f.cancelledAt) return "cancelled";
  if (today < f.windowStart) return "upcoming";
  if (today <= f.windowEnd) return "open";
  return "missed";
}

/**
 * An exercise or therapy programme's sessions, counted against its plan. The plan is the
 * treatment's procedure record for conservative care (sessions a week, for how many weeks, from
 * the treatment date); the sessions are the days the patient says they did one. Week 1 starts on
 * the treatment date, so "this week" is the programme's week, not the calendar's.
 *
 * Medicines share the conservative procedure record (a dose, not sessions), so they have no
 * programme here.
 */
import { addDays, daysBetween, type IsoDate } from "../dates";

export type ProgrammePlan = {
  startDate: IsoDate;
  sessionsPerWeek: number;
  weeks: number;
};

export type ProgrammeProgress = {
  status: "upcoming" | "running" | "ended";
  /** The last day of the programme. */
  endDate: IsoDate;
  /** The programme week today falls in (1-based), or null outside the programme. */
  week: number | null;
  /** This programme week's dates and count; null outside the programme. */
  thisWeek: { from: IsoDate; to: IsoDate; done: number; planned: number } | null;
  /** Sessions done within the programme, and planned in all. */
  total: { done: number; planned: number };
  /** Past programme weeks (not the current one) with at least the planned number of sessions. */
  weeksOnPlan: number;
  /** Past programme weeks. */
  weeksPast: number;
  doneToday: boolean;
};

/** Kinds of treatment whose conservative record is a programme of sessions (not medicines). */
export function hasSessions(
  kind: string,
  procedure: unknown,
): procedure is {
  category: "conservative";
  programme: string;
  sessionsPerWeek: number;
  weeks: number;
} {
  if (kind === "medication" || typeof procedure !== "object" || procedure === null) return false;
  const p = procedure as Record<string, unknown>;
  return (
    p.category === "conservative" &&
    typeof p.sessionsPerWeek === "number" &&
    typeof p.weeks === "number" &&
    p.sessionsPerWeek > 0 &&
    p.weeks > 0
  );
}

export const programmeEnd = (plan: ProgrammePlan): IsoDate => addDays(plan.startDate, plan.weeks * 7 - 1);

/**
 * The day a session may be logged for: within the programme, not in the future, at most 30 days
 * back. `earliestToday` is for a server that can only bound the patient's today (it defaults to
 * `today`): the future is judged from the later day, the 30 days from the earlier.
 */
export function sessionDateProblem(
  plan: ProgrammePlan,
  date: IsoDate,
  today: IsoDate,
  earliestToday: IsoDate = today,
): string | null {
  if (date > today) return "cannot be in the future";
  if (date < plan.startDate) return "is before the programme started";
  if (date > programmeEnd(plan)) return "is after the programme ended";
  if (date < addDays(earliestToday, -30)) return "can be at most 30 days ago";
  return null;
}

export function programmeProgress(
  plan: ProgrammePlan,
  sessionDates: readonly IsoDate[],
  today: IsoDate,
): ProgrammeProgress {
  const endDate = programmeEnd(plan);
  const inProgramme = [...new Set(sessionDates)].filter((d) => d >= plan.startDate && d <= endDate);
  const weekOf = (d: IsoDate) => Math.floor(daysBetween(plan.startDate, d) / 7) + 1;
  const perWeek = new Map<number, number>();
  for (const d of inProgramme) perWeek.set(weekOf(d), (perWeek.get(weekOf(d)) ?? 0) + 1);
  const status = today < plan.startDate ? "upcoming" : today > endDate ? "ended" : "running";
  const week = status === "running" ? weekOf(today) : null;
  const weeksPast = status === "upcoming" ? 0 : status === "ended" ? plan.weeks : (week ?? 1) - 1;
  let weeksOnPlan = 0;
  for (let w = 1; w <= weeksPast; w++) if ((perWeek.get(w) ?? 0) >= plan.sessionsPerWeek) weeksOnPlan++;
  const from = week === null ? null : addDays(plan.startDate, (week - 1) * 7);
  return {
    status,
    endDate,
    week,
    thisWeek:
      week === null || from === null
        ? null
        : { from, to: addDays(from, 6), done: perWeek.get(week) ?? 0, planned: plan.sessionsPerWeek },
    total: { done: inProgramme.length, planned: plan.sessionsPerWeek * plan.weeks },
    weeksOnPlan,
    weeksPast,
    doneToday: inProgramme.includes(today),
  };
}

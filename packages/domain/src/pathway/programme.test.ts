import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { hasSessions, programmeEnd, programmeProgress, sessionDateProblem } from "./programme";

// 8 weeks, 2 sessions a week, from Monday 2 March 2026: week 1 is 2–8 March, the last day 26 April.
const plan = { startDate: "2026-03-02", sessionsPerWeek: 2, weeks: 8 };

describe("an exercise programme's sessions", () => {
  it("ends the day before the same weekday, `weeks` weeks on", () => {
    expect(programmeEnd(plan)).toBe("2026-04-26");
    expect(programmeEnd({ ...plan, weeks: 1 })).toBe("2026-03-08");
  });

  it("counts this programme week from the treatment date, not the calendar week", () => {
    const p = programmeProgress(
      { ...plan, startDate: "2026-03-04" },
      ["2026-03-04", "2026-03-09"],
      "2026-03-10",
    );
    expect(p.week).toBe(1);
    expect(p.thisWeek).toEqual({ from: "2026-03-04", to: "2026-03-10", done: 2, planned: 2 });
  });

  it("says which past weeks met the plan, and counts only sessions inside the programme, once a day", () => {
    const sessions = [
      "2026-03-01", // before it started
      "2026-03-02",
      "2026-03-05",
      "2026-03-05", // the same day twice
      "2026-03-10", // week 2: one session only
      "2026-03-16",
      "2026-03-18",
      "2026-03-19", // week 3: three
      "2026-03-24", // week 4, this week
    ];
    const p = programmeProgress(plan, sessions, "2026-03-25");
    expect(p).toMatchObject({
      status: "running",
      week: 4,
      thisWeek: { from: "2026-03-23", to: "2026-03-29", done: 1, planned: 2 },
      total: { done: 7, planned: 16 },
      weeksPast: 3,
      weeksOnPlan: 2,
      doneToday: false,
    });
    expect(programmeProgress(plan, [...sessions, "2026-03-25"], "2026-03-25").doneToday).toBe(true);
  });

  it("is upcoming before the start and ended after the last day, with every week judged", () => {
    expect(programmeProgress(plan, [], "2026-03-01")).toMatchObject({
      status: "upcoming",
      week: null,
      thisWeek: null,
      weeksPast: 0,
      total: { done: 0, planned: 16 },
    });
    const oneAWeek = Array.from({ length: 8 }, (_, w) => addDays(plan.startDate, 7 * w));
    const ended = programmeProgress(plan, oneAWeek, "2026-04-27");
    expect(ended).toMatchObject({ status: "ended", week: null, weeksPast: 8, total: { done: 8 } });
    expect(ended.weeksOnPlan).toBe(0); // one a week is not two
  });

  it("takes a session for a day of the programme, up to today and at most 30 days back", () => {
    expect(sessionDateProblem(plan, "2026-03-10", "2026-03-10")).toBeNull();
    expect(sessionDateProblem(plan, "2026-03-11", "2026-03-10")).toBe("cannot be in the future");
    expect(sessionDateProblem(plan, "2026-03-01", "2026-03-10")).toBe("is before the programme started");
    expect(sessionDateProblem(plan, "2026-04-27", "2026-05-01")).toBe("is after the programme ended");
    expect(sessionDateProblem(plan, "2026-03-02", "2026-04-26")).toBe("can be at most 30 days ago");
  });

  it("belongs to conservative care with sessions, not to medicines or injections", () => {
    const record = { category: "conservative", programme: "graded activity", sessionsPerWeek: 2, weeks: 8 };
    expect(hasSessions("exercise_physiotherapy", record)).toBe(true);
    expect(hasSessions("medication", { ...record, programme: "naproxen" })).toBe(false);
    expect(hasSessions("epidural_steroid_injection", { category: "injection" })).toBe(false);
    expect(hasSessions("exercise_physiotherapy", undefined)).toBe(false);
    expect(hasSessions("exercise_physiotherapy", { ...record, weeks: 0 })).toBe(false);
  });
});

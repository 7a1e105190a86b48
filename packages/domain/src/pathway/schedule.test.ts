import { describe, expect, it } from "vitest";
import { followUpStatus, scheduleFollowUps } from "./schedule";

describe("follow-up schedule", () => {
  it("schedules 2 and 6 weeks, 3, 6 and 12 months after the treatment date", () => {
    const s = scheduleFollowUps("2026-01-31", ["2w", "6w", "3m", "6m", "12m"]);
    expect(s.map((f) => [f.timepoint, f.dueDate])).toEqual([
      ["2w", "2026-02-14"],
      ["6w", "2026-03-14"],
      ["3m", "2026-04-30"],
      ["6m", "2026-07-31"],
      ["12m", "2027-01-31"],
    ]);
  });

  it("clamps month arithmetic to the end of a shorter month", () => {
    const [threeMonths] = scheduleFollowUps("2025-11-30", ["3m"]);
    expect(threeMonths?.dueDate).toBe("2026-02-28");
  });

  it("opens a window either side of the due date", () => {
    const [twoWeeks] = scheduleFollowUps("2026-03-01", ["2w"]);
    expect(twoWeeks).toEqual({
      timepoint: "2w",
      dueDate: "2026-03-15",
      windowStart: "2026-03-08",
      windowEnd: "2026-03-22",
    });
  });

  it("derives upcoming, open and missed from the window; completion and cancellation win", () => {
    const f = { windowStart: "2026-03-08", windowEnd: "2026-03-22" };
    expect(followUpStatus(f, "2026-03-07")).toBe("upcoming");
    expect(followUpStatus(f, "2026-03-08")).toBe("open");
    expect(followUpStatus(f, "2026-03-22")).toBe("open");
    expect(followUpStatus(f, "2026-03-23")).toBe("missed");
    expect(followUpStatus({ ...f, completedAt: "2026-03-10T10:00:00Z" }, "2026-04-01")).toBe("completed");
    expect(followUpStatus({ ...f, cancelledAt: "2026-03-01T10:00:00Z" }, "2026-03-10")).toBe("cancelled");
  });
});

describe("the schedule of the care pathway", () => {
  it("runs to 24 months with windows of ±1 week at 2 weeks, ±2 at 6 weeks, ±4 at 3 months, ±6 from 6 months", () => {
    const s = scheduleFollowUps("2026-01-01", ["2w", "6w", "3m", "6m", "12m", "24m"]);
    expect(s.map((f) => [f.timepoint, f.windowStart, f.dueDate, f.windowEnd])).toEqual([
      ["2w", "2026-01-08", "2026-01-15", "2026-01-22"],
      ["6w", "2026-01-29", "2026-02-12", "2026-02-26"],
      ["3m", "2026-03-04", "2026-04-01", "2026-04-29"],
      ["6m", "2026-05-20", "2026-07-01", "2026-08-12"],
      ["12m", "2026-11-20", "2027-01-01", "2027-02-12"],
      ["24m", "2027-11-20", "2028-01-01", "2028-02-12"],
    ]);
  });

  it("leaves out the timepoints the plan does not have", () => {
    expect(scheduleFollowUps("2026-01-01", ["3m", "24m"]).map((f) => f.timepoint)).toEqual(["3m", "24m"]);
  });

  it("never lets two windows overlap, so an answer belongs to one timepoint", () => {
    const s = scheduleFollowUps("2026-01-31", ["2w", "6w", "3m", "6m", "12m", "24m"]);
    for (let i = 1; i < s.length; i++) expect(s[i]!.windowStart > s[i - 1]!.windowEnd).toBe(true);
  });
});

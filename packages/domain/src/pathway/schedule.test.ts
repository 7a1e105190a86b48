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

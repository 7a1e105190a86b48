import { describe, expect, it } from "vitest";
import { clockAfterUpdate } from "./rules";

const mild = { seriousness: [], expected: null, relatedness: null } as const;
const serious = { seriousness: ["hospitalisation"], expected: false, relatedness: "possible" } as const;
const fatal = { seriousness: ["death"], expected: false, relatedness: "probable" } as const;

describe("the reporting clock after an update", () => {
  it("starts a 15-day clock on the day an event is upgraded to serious and unexpected", () => {
    const before = { ...mild, startDate: "2026-03-02", dueDate: null, submittedAt: null };
    expect(clockAfterUpdate(before, serious, "2026-03-10")).toEqual({
      startDate: "2026-03-10",
      dueDate: "2026-03-25",
      submittedAt: null,
      restarted: true,
    });
  });

  it("keeps day 0 when the event still qualifies for the same clock", () => {
    const before = { ...serious, startDate: "2026-03-02", dueDate: "2026-03-17", submittedAt: null };
    expect(
      clockAfterUpdate(before, { ...serious, seriousness: ["hospitalisation", "disability"] }, "2026-03-10"),
    ).toEqual({ startDate: "2026-03-02", dueDate: "2026-03-17", submittedAt: null, restarted: false });
  });

  it("moves to 7 days from the day it became fatal, but never past a 15-day report still owed", () => {
    const owed = { ...serious, startDate: "2026-03-02", dueDate: "2026-03-17", submittedAt: null };
    expect(clockAfterUpdate(owed, fatal, "2026-03-05")).toMatchObject({
      startDate: "2026-03-05",
      dueDate: "2026-03-12",
    });
    expect(clockAfterUpdate(owed, fatal, "2026-03-14")).toMatchObject({
      startDate: "2026-03-14",
      dueDate: "2026-03-17",
    });
  });

  it("asks for a new report when a reported event is upgraded; the first report stays in its history", () => {
    const reported = {
      ...serious,
      startDate: "2026-03-02",
      dueDate: "2026-03-17",
      submittedAt: "2026-03-09T10:00:00.000Z",
    };
    expect(clockAfterUpdate(reported, fatal, "2026-03-20")).toEqual({
      startDate: "2026-03-20",
      dueDate: "2026-03-27",
      submittedAt: null,
      restarted: true,
    });
  });

  it("stops the clock when the event is reassessed as unrelated, keeping a report already made", () => {
    const reported = {
      ...serious,
      startDate: "2026-03-02",
      dueDate: "2026-03-17",
      submittedAt: "2026-03-09T10:00:00.000Z",
    };
    expect(clockAfterUpdate(reported, { ...serious, relatedness: "unrelated" }, "2026-03-20")).toMatchObject({
      dueDate: null,
      submittedAt: "2026-03-09T10:00:00.000Z",
      restarted: false,
    });
  });
});

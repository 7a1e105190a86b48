import { describe, expect, it } from "vitest";
import { completedInWindow, movedSchedule, supersededFollowUps } from "./reschedule";

describe("movedSchedule", () => {
  it("re-derives each timepoint's due date and window from the corrected date", () => {
    const moved = movedSchedule("2026-03-10", ["2w", "3m"]);
    expect(moved.get("2w")).toEqual({
      dueDate: "2026-03-24",
      windowStart: "2026-03-17",
      windowEnd: "2026-03-31",
    });
    expect(moved.get("3m")?.dueDate).toBe("2026-06-10");
    expect(moved.has("6w")).toBe(false);
  });
});

describe("completedInWindow", () => {
  it("compares the completion day with the window, both ends included", () => {
    const w = { windowStart: "2026-03-17", windowEnd: "2026-03-31" };
    expect(completedInWindow(new Date("2026-03-17T08:00:00Z"), w)).toBe(true);
    expect(completedInWindow(new Date("2026-03-31T23:00:00Z"), w)).toBe(true);
    expect(completedInWindow(new Date("2026-03-16T23:59:00Z"), w)).toBe(false);
  });
});

describe("supersededFollowUps", () => {
  const injection = { id: "inj", date: "2026-01-01", recordedAt: new Date("2026-01-01T09:00:00Z") };
  const fusion = { id: "fus", date: "2026-03-01", recordedAt: new Date("2026-03-01T09:00:00Z") };
  const fus = [
    { id: "inj-6w", treatmentId: "inj", dueDate: "2026-02-12" },
    { id: "inj-3m", treatmentId: "inj", dueDate: "2026-04-01" },
    { id: "fus-2w", treatmentId: "fus", dueDate: "2026-03-15" },
  ];

  it("cancels an earlier treatment's follow-ups due from the later treatment's date on", () => {
    expect(supersededFollowUps([injection, fusion], fus)).toEqual(new Set(["inj-3m"]));
  });

  it("brings them back when the later treatment's date moves past them", () => {
    expect(supersededFollowUps([injection, { ...fusion, date: "2026-05-01" }], fus)).toEqual(new Set());
  });

  it("cancels more when the later treatment's date moves earlier", () => {
    expect(supersededFollowUps([injection, { ...fusion, date: "2026-02-01" }], fus)).toEqual(
      new Set(["inj-6w", "inj-3m"]),
    );
  });

  it("orders treatments on the same day by when they were recorded", () => {
    const same = { ...fusion, date: "2026-01-01" };
    expect(supersededFollowUps([same, injection], fus)).toEqual(new Set(["inj-6w", "inj-3m"]));
    const recordedFirst = { ...same, recordedAt: new Date("2025-12-31T09:00:00Z") };
    expect(supersededFollowUps([recordedFirst, injection], fus)).toEqual(new Set(["fus-2w"]));
  });
});

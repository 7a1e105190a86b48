import { describe, expect, it } from "vitest";
import { tickableDays } from "./ProgrammeCard";

describe("the days a patient can tick on the programme card", () => {
  const p = { startDate: "2026-03-02", endDate: "2026-04-12" };

  it("are the last seven days up to today", () => {
    expect(tickableDays(p, "2026-03-20")).toEqual([
      "2026-03-14",
      "2026-03-15",
      "2026-03-16",
      "2026-03-17",
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
    ]);
  });

  it("leave out days before the programme started", () => {
    expect(tickableDays(p, "2026-03-03")).toEqual(["2026-03-02", "2026-03-03"]);
  });

  it("leave out days after it ended", () => {
    expect(tickableDays(p, "2026-04-14")).toEqual([
      "2026-04-08",
      "2026-04-09",
      "2026-04-10",
      "2026-04-11",
      "2026-04-12",
    ]);
  });
});

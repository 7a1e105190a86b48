import { describe, expect, it } from "vitest";
import { addMonths, ageOn, daysBetween, isIsoDate } from "./dates";

describe("calendar dates", () => {
  it("accepts only real dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("24-01-01")).toBe(false);
  });
  it("adds months, clamping to month end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-12-15", 12)).toBe("2025-12-15");
  });
  it("counts days and completed years", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(ageOn("1970-06-15", "2026-06-14")).toBe(55);
    expect(ageOn("1970-06-15", "2026-06-15")).toBe(56);
  });
});

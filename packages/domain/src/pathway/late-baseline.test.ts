import { describe, expect, it } from "vitest";
import { baselineLateOn, isLateBaseline } from "./late-baseline";

const at = (iso: string) => new Date(iso);

describe("late baselines", () => {
  it("are baseline answers given after the episode's first treatment day", () => {
    const treated = "2026-03-10";
    expect(
      isLateBaseline({ timepoint: "baseline", completedAt: at("2026-03-09T15:00:00Z") }, treated, "UTC"),
    ).toBe(false);
    // On the treatment day itself: on time (often just before the procedure).
    expect(
      isLateBaseline({ timepoint: "baseline", completedAt: at("2026-03-10T23:59:00Z") }, treated, "UTC"),
    ).toBe(false);
    expect(
      isLateBaseline({ timepoint: "baseline", completedAt: at("2026-03-11T00:01:00Z") }, treated, "UTC"),
    ).toBe(true);
  });

  it("use the clinic's local date, not UTC's", () => {
    // 02:00 UTC on the 11th is still the evening of the 10th in New York, already the 11th in Berlin.
    const answer = { timepoint: "baseline", completedAt: at("2026-03-11T02:00:00Z") };
    expect(isLateBaseline(answer, "2026-03-10", "America/New_York")).toBe(false);
    expect(isLateBaseline(answer, "2026-03-10", "Europe/Berlin")).toBe(true);
  });

  it("never applies before any treatment, nor to other timepoints", () => {
    expect(
      isLateBaseline({ timepoint: "baseline", completedAt: at("2030-01-01T12:00:00Z") }, null, "UTC"),
    ).toBe(false);
    expect(
      isLateBaseline({ timepoint: "3m", completedAt: at("2026-06-10T12:00:00Z") }, "2026-03-10", "UTC"),
    ).toBe(false);
  });

  it("say ahead whether answering on a given day would be late", () => {
    expect(baselineLateOn("2026-03-10", "2026-03-10")).toBe(false);
    expect(baselineLateOn("2026-03-12", "2026-03-10")).toBe(true);
    expect(baselineLateOn("2026-03-12", null)).toBe(false);
  });
});

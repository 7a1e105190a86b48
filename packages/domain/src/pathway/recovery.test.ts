import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { readingGrade } from "../readability";
import { allRecoveryPhases, currentPhase, recoveryPhases } from "./recovery";

describe("recovery phases", () => {
  it("are written at reading grade 8 or below, each with a source and a certainty", () => {
    for (const p of allRecoveryPhases) {
      expect(readingGrade(p.text), p.id).toBeLessThanOrEqual(8);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const k of p.sources) expect(citations[k]).toBeDefined();
    }
  });

  it("never say a cell therapy works, and say the sham did as well", () => {
    const text = recoveryPhases("cell-therapy")
      .map((p) => p.text)
      .join(" ");
    expect(text).not.toMatch(/\b(proven|approved|cures?|regenerates?)\b/i);
    expect(text).toMatch(/fake injection helped just as much/);
  });

  it("cover every day from the treatment on, without gaps", () => {
    for (const c of ["cell-therapy", "surgery", "conservative"] as const) {
      const phases = recoveryPhases(c);
      for (let i = 1; i < phases.length; i++)
        expect(phases[i]!.fromDay).toBe((phases[i - 1]!.toDay ?? -1) + 1);
      expect(phases.at(-1)?.toDay).toBeNull();
    }
    const phases = recoveryPhases("injection");
    expect(currentPhase(phases, "2026-03-01", "2026-02-28")).toBeNull();
    expect(currentPhase(phases, "2026-03-01", "2026-03-15")?.id).toBe("rest");
    expect(currentPhase(phases, "2026-03-01", "2026-03-16")?.id).toBe("activity");
    expect(currentPhase(phases, "2026-03-01", "2027-03-01")?.id).toBe("long-term");
  });
});

import { readingGrade } from "@evident/domain/readability/reading-grade";
import { describe, expect, it } from "vitest";
import { copy } from "./copy";

// Samples for the texts that take a value. A date is measured as a short one ("Monday 2 June"):
// the names of days and months are words everyone knows, but in a one-line sentence their
// syllables would decide the grade on their own.
const samples: Record<string, unknown[]> = {
  welcome: ["Demo Spine Clinic"],
  homeIntro: ["Demo Spine Clinic"],
  linkOnce: ["Monday 2 June"],
  answerBy: ["Monday 2 June"],
  dueSummary: [2],
};

describe("patient-facing text", () => {
  for (const [key, value] of Object.entries(copy)) {
    const text =
      typeof value === "function" ? (value as (...a: unknown[]) => string)(...(samples[key] ?? [])) : value;
    it(`"${key}" reads at grade 8 or below`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
  }
});

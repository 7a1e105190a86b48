import { readingGrade } from "@evident/domain/readability/reading-grade";
import { describe, expect, it } from "vitest";
import { aidWords, clinicSentence } from "./words";

const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the decision aid's own words", () => {
  for (const [key, text] of Object.entries(aidWords).filter(([, t]) => isProse(t)))
    it(`${key} reads at grade 8 or below`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
  it("gives a clinic's figure with its n and interval, at grade 8 or below", () => {
    const s = clinicSentence({ responders: 12, n: 34, share: 12 / 34, shareCI: [0.21, 0.52] });
    expect(s).toBe("12 of 34 people (35%). The true share is likely between 21% and 52%.");
    expect(readingGrade(s)).toBeLessThanOrEqual(8);
  });
});

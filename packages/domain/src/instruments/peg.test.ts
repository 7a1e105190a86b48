import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { peg } from "./peg";

describe("PEG", () => {
  it("scores the mean of the three ratings", () => {
    expect(peg.score({ peg_1: 6, peg_2: 7, peg_3: 8 }).score).toBe(7);
    expect(peg.score({ peg_1: 0, peg_2: 0, peg_3: 0 }).score).toBe(0);
    expect(peg.score({ peg_1: 10, peg_2: 10, peg_3: 10 }).score).toBe(10);
  });

  it("keeps the mean unrounded", () => {
    expect(peg.score({ peg_1: 7, peg_2: 6, peg_3: 6 }).score).toBeCloseTo(19 / 3, 14);
  });

  it("has no score unless all three are answered", () => {
    expect(peg.score({ peg_1: 6, peg_2: 7, peg_3: null })).toEqual({
      score: null,
      reason: "1 of 3 items unanswered; all 3 are needed",
    });
    expect(peg.score({ peg_2: 7 }).reason).toBe("2 of 3 items unanswered; all 3 are needed");
  });

  it("refuses ratings outside 0–10, fractions and unknown items, naming each", () => {
    expect(() => scoreAnswers("peg", { peg_1: 11, peg_2: 2.5, peg_3: -1, peg_4: 3 })).toThrowError(
      expect.objectContaining({
        issues: [
          { path: "answers.peg_1", message: "must be between 0 and 10" },
          { path: "answers.peg_2", message: "must be a whole number" },
          { path: "answers.peg_3", message: "must be between 0 and 10" },
          { path: "answers.peg_4", message: "unknown item for peg" },
        ],
      }),
    );
  });

  it("always lies between the lowest and highest rating", () => {
    const rating = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(rating, rating, rating, (p, e, g) => {
        const s = peg.score({ peg_1: p, peg_2: e, peg_3: g }).score!;
        return s >= Math.min(p, e, g) && s <= Math.max(p, e, g) && Math.abs(3 * s - (p + e + g)) < 1e-12;
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { nrsBack, nrsLeg } from "./nrs";

describe("pain rating scales", () => {
  it("scores the raw 0–10 rating", () => {
    expect(nrsBack.score({ nrs_back: 7 }).score).toBe(7);
    expect(nrsLeg.score({ nrs_leg: 0 }).score).toBe(0);
  });

  it("has no score when the item is unanswered", () => {
    expect(nrsBack.score({ nrs_back: null })).toEqual({ score: null, reason: "not answered" });
    expect(nrsBack.score({}).score).toBeNull();
  });

  it("rejects values outside 0–10 and non-integers", () => {
    for (const bad of [-1, 11, 3.5]) {
      expect(() => scoreAnswers("nrs_back", { nrs_back: bad })).toThrowError(
        expect.objectContaining({ issues: [expect.objectContaining({ path: "answers.nrs_back" })] }),
      );
    }
  });

  it("rejects an unknown instrument, naming the field", () => {
    expect(() => scoreAnswers("vas", {})).toThrowError(
      expect.objectContaining({ status: 400, issues: [expect.objectContaining({ path: "instrument" })] }),
    );
  });
});

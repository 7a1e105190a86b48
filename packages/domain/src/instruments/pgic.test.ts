import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { pgic, pgicCategory } from "./pgic";

describe("Patient Global Impression of Change", () => {
  it.each([
    [1, "very much improved", "substantial", true],
    [2, "much improved", "moderate", true],
    [3, "minimally improved", "minimal", false],
    [4, "no change", null, false],
    [5, "minimally worse", null, false],
    [6, "much worse", null, false],
    [7, "very much worse", null, false],
  ] as const)("answer %i is '%s'", (value, category, improvement, clinicallyImportant) => {
    expect(pgic.score({ pgic: value })).toEqual({
      score: value,
      extras: { category, improvement, clinicallyImportant },
    });
  });

  it("labels the options in the same order as the categories", () => {
    expect(pgic.items[0]!.options!.map((o) => [o.value, o.label.toLowerCase()])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((v) => [v, pgicCategory(v)]),
    );
  });

  it("has no score when unanswered", () => {
    expect(pgic.score({ pgic: null })).toEqual({ score: null, reason: "not answered" });
  });

  it("refuses 0, 8 and a label instead of a number", () => {
    for (const bad of [0, 8, "much improved"]) {
      expect(() => scoreAnswers("pgic", { pgic: bad })).toThrowError(
        expect.objectContaining({
          issues: [{ path: "answers.pgic", message: "must be one of 1, 2, 3, 4, 5, 6, 7" }],
        }),
      );
    }
  });
});

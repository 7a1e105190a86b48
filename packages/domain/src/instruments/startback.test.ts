import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { startBack } from "./startback";

/** Items 1–8 as a string of 0/1 and item 9 as 0–4. */
function answers(items1to8: string, bother: number) {
  return {
    ...Object.fromEntries([...items1to8].map((c, i) => [`sb_${i + 1}`, Number(c)])),
    sb_9: bother,
  };
}

describe("Keele STarT Back", () => {
  it.each([
    // items 1–8, item 9, total, subscale, group
    ["00000000", 0, 0, 0, "low"],
    ["11100000", 2, 3, 0, "low"], // "moderately" does not count
    ["11110000", 0, 4, 0, "medium"],
    ["11000000", 3, 3, 1, "low"], // "very much" counts 1
    ["11100000", 4, 4, 1, "medium"], // "extremely" counts 1
    ["00001110", 2, 3, 3, "low"], // subscale 3 with total 3
    ["10001110", 2, 4, 3, "medium"], // subscale 3 is not high, total 4 is medium
    ["00001111", 0, 4, 4, "high"], // subscale 4 is high even with nothing else
    ["00001110", 3, 4, 4, "high"],
    ["11111111", 4, 9, 5, "high"],
  ] as const)("%s with item 9 = %i: total %i, subscale %i, %s", (items, bother, total, subscale, group) => {
    expect(startBack.score(answers(items, bother))).toEqual({ score: total, extras: { subscale, group } });
  });

  it("has no score or group with any item unanswered", () => {
    const r = startBack.score({ ...answers("11111111", 4), sb_9: null });
    expect(r).toEqual({ score: null, reason: "1 of 9 items unanswered; all 9 are needed" });
    expect(startBack.score({ ...answers("11111111", 4), sb_1: undefined, sb_5: null }).score).toBeNull();
  });

  it("refuses 2 for an agree/disagree item, 5 for bothersomeness, and unknown items", () => {
    expect(() =>
      scoreAnswers("startback", { ...answers("00000000", 0), sb_3: 2, sb_9: 5, sb_10: 1 }),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          { path: "answers.sb_3", message: "must be one of 0, 1" },
          { path: "answers.sb_9", message: "must be one of 0, 1, 2, 3, 4" },
          { path: "answers.sb_10", message: "unknown item for startback" },
        ],
      }),
    );
  });

  it("keeps the subscale within the total and the group consistent with both", () => {
    const agree = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(agree, fc.integer({ min: 0, max: 4 }), (items, bother) => {
        const r = startBack.score(answers(items.join(""), bother));
        const { subscale, group } = r.extras as { subscale: number; group: string };
        const total = r.score!;
        const expected = subscale >= 4 ? "high" : total >= 4 ? "medium" : "low";
        return (
          total >= 0 &&
          total <= 9 &&
          subscale >= 0 &&
          subscale <= 5 &&
          subscale <= total &&
          group === expected
        );
      }),
    );
  });
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eValueForRiskRatio, eValueForStandardizedDifference } from "./e-value";
import { mismatches } from "./fixtures/compare";

const r = JSON.parse(readFileSync(new URL("./fixtures/weighting.json", import.meta.url), "utf8"));
type Case = { input: { estimate: number; lower: number; upper: number }; expected: unknown };

describe("E-values agree with VanderWeele & Ding's formulas (computed in R)", () => {
  it.each(r.eValues.examples as Case[])("risk ratio $input.estimate ($input.lower to $input.upper)", ({
    input,
    expected,
  }) => {
    expect(mismatches(eValueForRiskRatio(input.estimate, input), expected)).toEqual([]);
  });

  it("for the weighted responder risk ratio", () => {
    const { input, expected } = r.eValues.riskRatio as Case;
    expect(mismatches(eValueForRiskRatio(input.estimate, input), expected)).toEqual([]);
  });

  it("for the standardized difference in mean change", () => {
    const { input, expected } = r.eValues.standardizedDifference as Case;
    expect(mismatches(eValueForStandardizedDifference(input.estimate, input), expected)).toEqual([]);
  });
});

describe("E-values", () => {
  it("reproduce the paper's example: RR 3.9 (1.8 to 8.7) gives 7.26 and 3.0", () => {
    const e = eValueForRiskRatio(3.9, { lower: 1.8, upper: 8.7 });
    expect(e.estimate).toBeCloseTo(7.26, 2);
    expect(e.limit).toBeCloseTo(3.0, 1);
  });

  it("are 1 for the limit when the interval includes no effect", () => {
    expect(eValueForRiskRatio(1.3, { lower: 0.9, upper: 1.8 }).limit).toBe(1);
    expect(eValueForRiskRatio(1).estimate).toBe(1);
  });

  it("treat a protective ratio like its inverse", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (rr) => {
        expect(eValueForRiskRatio(rr).estimate).toBeCloseTo(eValueForRiskRatio(1 / rr).estimate, 8);
        expect(eValueForRiskRatio(rr).estimate).toBeGreaterThanOrEqual(Math.max(rr, 1 / rr));
      }),
    );
  });

  it("refuse an interval that does not contain the estimate", () => {
    expect(() => eValueForRiskRatio(2, { lower: 2.5, upper: 3 })).toThrow(/contain/);
  });
});

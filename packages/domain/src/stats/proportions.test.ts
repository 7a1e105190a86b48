import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mismatches } from "./fixtures/compare";
import { clopperPearsonInterval, ruleOfThree, wilsonInterval } from "./proportions";

type Case = {
  events: number;
  n: number;
  level: number;
  proportion: number;
  wilson: { lower: number; upper: number };
  clopperPearson: { lower: number; upper: number };
};
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/proportions.json", import.meta.url), "utf8"),
) as {
  cases: Case[];
};

describe("proportion intervals agree with R", () => {
  it.each(cases)("$events of $n at level $level", (c) => {
    const wilson = wilsonInterval(c.events, c.n, c.level);
    const exact = clopperPearsonInterval(c.events, c.n, c.level);
    const actual = { ...c, proportion: wilson.proportion, wilson, clopperPearson: exact };
    expect(mismatches(actual, c, { relative: 1e-10 })).toEqual([]);
  });
});

describe("proportion intervals", () => {
  it("puts the lower limit at exactly 0 when there are no events, and the upper at 1 when all are", () => {
    expect(wilsonInterval(0, 12).lower).toBe(0);
    expect(wilsonInterval(12, 12).upper).toBe(1);
    expect(clopperPearsonInterval(0, 12).lower).toBe(0);
    expect(clopperPearsonInterval(12, 12).upper).toBe(1);
  });

  it("contains the estimate and stays inside [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, share, level) => {
          const events = Math.round(share * n);
          for (const interval of [
            wilsonInterval(events, n, level),
            clopperPearsonInterval(events, n, level),
          ]) {
            expect(interval.lower).toBeGreaterThanOrEqual(0);
            expect(interval.upper).toBeLessThanOrEqual(1);
            expect(interval.lower).toBeLessThanOrEqual(interval.proportion);
            expect(interval.upper).toBeGreaterThanOrEqual(interval.proportion);
          }
        },
      ),
    );
  });

  it("widens with the confidence level", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const events = Math.round(share * n);
          const narrow = clopperPearsonInterval(events, n, 0.9);
          const wide = clopperPearsonInterval(events, n, 0.99);
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
    );
  });

  it("is cautious with the rule of three: 3/n lies above the exact one-sided 95% bound", () => {
    for (const n of [1, 5, 30, 100, 10_000]) {
      expect(ruleOfThree(n)).toBe(3 / n);
      expect(ruleOfThree(n)).toBeGreaterThan(1 - 0.05 ** (1 / n));
    }
    expect(ruleOfThree(300)).toBeCloseTo(0.01, 12);
  });

  it("refuses impossible counts and levels", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/events/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(/events/);
    expect(() => clopperPearsonInterval(0, 0)).toThrow(/n must be/);
    expect(() => wilsonInterval(1, 10, 95)).toThrow(/level/);
  });
});
